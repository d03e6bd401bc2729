import bcrypt from 'bcryptjs';
import { VerifiedSecrets } from '../../core/auth/credential-cache';

describe('VerifiedSecrets', () => {
  const key = Buffer.alloc(32, 7);
  let hash: string;

  beforeAll(async () => {
    hash = await bcrypt.hash('right-secret', 4);
  });

  afterEach(() => jest.restoreAllMocks());

  it('verifies a right secret by bcrypt once, then from the cache', async () => {
    const cache = new VerifiedSecrets(key, 4);
    const compare = jest.spyOn(bcrypt, 'compare');
    expect(await cache.verify('s', 'acct', 'right-secret', hash)).toBe(true);
    expect(await cache.verify('s', 'acct', 'right-secret', hash)).toBe(true);
    expect(compare).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(1);
  });

  it('refuses a repeated wrong secret without a second bcrypt, and a new wrong one still costs a bcrypt', async () => {
    const cache = new VerifiedSecrets(key, 4);
    const compare = jest.spyOn(bcrypt, 'compare');
    expect(await cache.verify('s', 'acct', 'wrong-secret', hash)).toBe(false);
    expect(await cache.verify('s', 'acct', 'wrong-secret', hash)).toBe(false);
    expect(compare).toHaveBeenCalledTimes(1);
    expect(await cache.verify('s', 'acct', 'another-wrong', hash)).toBe(false);
    expect(compare).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('a remembered failure never hides the right secret or a changed stored hash', async () => {
    const cache = new VerifiedSecrets(key, 4);
    expect(await cache.verify('s', 'acct', 'right-secret', 'not-the-hash-' + hash)).toBe(false);
    expect(await cache.verify('s', 'acct', 'right-secret', hash)).toBe(true);
    const newHash = await bcrypt.hash('wrong-secret', 4);
    expect(await cache.verify('s', 'acct', 'wrong-secret', hash)).toBe(false);
    // The password changed to what was wrong before: the stored hash is part of the key.
    expect(await cache.verify('s', 'acct', 'wrong-secret', newHash)).toBe(true);
  });

  it('keeps at most maxEntries failures, and clear() forgets them', async () => {
    const cache = new VerifiedSecrets(key, 4, 2);
    const compare = jest.spyOn(bcrypt, 'compare');
    for (const guess of ['a', 'b', 'c']) await cache.verify('s', 'acct', guess, hash);
    await cache.verify('s', 'acct', 'a', hash); // evicted by c: bcrypt again
    expect(compare).toHaveBeenCalledTimes(4);
    await cache.verify('s', 'acct', 'c', hash); // still remembered
    expect(compare).toHaveBeenCalledTimes(4);
    cache.clear();
    await cache.verify('s', 'acct', 'c', hash);
    expect(compare).toHaveBeenCalledTimes(5);
  });
});
