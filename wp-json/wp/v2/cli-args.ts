import type { UserRecord } from '../../../core/auth/users';
import { CliError, type ParsedArgs } from '../../../core/cli';
import type { SiteContext } from '../../../core/namespace';

/** The argument checks the `user` commands share (cli.ts, user-role-cli.ts). */

/** WP-CLI's `<user>`: an ID, e-mail address or login, or the fetcher's error. */
export function resolveUser(ctx: SiteContext, ref: string | undefined): UserRecord {
  if (ref === undefined || ref === '') throw new CliError('Missing <user>: a user ID, e-mail or login.');
  const user = ctx.users.resolve(ref);
  if (!user) throw new CliError(`Invalid user ID, email or login: '${ref}'`);
  return user;
}

export function positional(args: ParsedArgs, index: number, name: string): string {
  const value = args.positional[index];
  if (value === undefined) throw new CliError(`Missing argument <${name}>. Usage: see 'wp-token-emulator help'.`);
  return value;
}

export function tooMany(args: ParsedArgs, max: number): void {
  if (args.positional.length > max) throw new CliError(`Too many positional arguments: ${args.positional.slice(max).join(' ')}`);
}
