import type * as Bcrypt from 'bcryptjs';

let loaded: typeof Bcrypt | null = null;

/**
 * bcryptjs, loaded on first use: a server whose users have no login password and whose vendors
 * have no stored secrets never needs it, and loading it is ~4 ms of every cold start.
 */
export function bcrypt(): typeof Bcrypt {
  if (loaded === null) loaded = require('bcryptjs') as typeof Bcrypt;
  return loaded;
}
