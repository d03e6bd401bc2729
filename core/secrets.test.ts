import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { binaryString } from '../tests/arbitraries';
import { HmacKey, generateSecrets, hmac, randomAlphanumeric, randomSalt } from './secrets';

/** The prepared HMAC keys give exactly createHmac's answer, for keys shorter and longer than the block (WordPress's 128-character salts). */
describe('HmacKey and hmac()', () => {
  it.each(['md5', 'sha256'] as const)('%s: the same HMAC as createHmac with the key as given', (algorithm) => {
    fc.assert(
      fc.property(binaryString({ maxLength: 200 }), binaryString({ maxLength: 100 }), (key, data) => {
        const expected = createHmac(algorithm, Buffer.from(key, 'utf8')).update(data, 'utf8').digest('hex');
        expect(new HmacKey(algorithm, key).digest(data, 'hex')).toBe(expected);
        expect(hmac(algorithm, key, data, 'hex')).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a 128-character key (wp_salt) and keys at the block boundary', () => {
    for (const length of [0, 63, 64, 65, 128]) {
      const key = 'k!@#$%^&*()'.repeat(12).slice(0, length);
      expect(new HmacKey('md5', key).digest('1|action|1|', 'hex')).toBe(createHmac('md5', key).update('1|action|1|').digest('hex'));
      expect(new HmacKey('sha256', key).digest('x', 'base64url')).toBe(createHmac('sha256', key).update('x').digest('base64url'));
    }
  });

  it('published test vectors (RFC 4231 case 2, RFC 2202 case 2)', () => {
    expect(new HmacKey('sha256', 'Jefe').digest('what do ya want for nothing?', 'hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(new HmacKey('md5', 'Jefe').digest('what do ya want for nothing?', 'hex')).toBe('750c783e6ab0b503eaa86e310a5db738');
  });

  it('messages around and beyond the room kept for them, one key used again and again (nothing left over between calls)', () => {
    const key = new HmacKey('sha256', 'k'.repeat(128));
    for (const data of ['', 'é'.repeat(170), 'x'.repeat(171), 'x'.repeat(512), '€'.repeat(600), 'short', 'x'.repeat(5000), '']) {
      expect(key.digest(data, 'base64url')).toBe(createHmac('sha256', 'k'.repeat(128)).update(data, 'utf8').digest('base64url'));
    }
  });

  it('the same key string under two algorithms gives each its own HMAC', () => {
    expect(hmac('md5', 'key', 'data', 'hex')).toBe(createHmac('md5', 'key').update('data').digest('hex'));
    expect(hmac('sha256', 'key', 'data', 'hex')).toBe(createHmac('sha256', 'key').update('data').digest('hex'));
  });
});

describe('random salts and passwords', () => {
  const SALT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_[]{}<>~+=,.;:/?|';
  const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

  /** Every character of `alphabet` drawn about equally often over many draws (none missing, none 1.5x another's expected count), nothing else. */
  function evenOver(alphabet: string, draw: () => string): void {
    const counts = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < 2000; i++) {
      for (const c of draw()) counts.set(c, (counts.get(c) ?? 0) + 1), total++;
    }
    expect([...counts.keys()].sort()).toEqual([...alphabet].sort());
    const expected = total / alphabet.length;
    for (const [c, n] of counts) expect([c, n > expected * 0.75 && n < expected * 1.25]).toEqual([c, true]);
  }

  it("randomSalt: 64 of WordPress's salt characters (no quotes, no backslash), each as likely", () => {
    expect(randomSalt()).toHaveLength(64);
    expect(randomSalt(300)).toHaveLength(300);
    expect(randomSalt()).not.toBe(randomSalt());
    evenOver(SALT, () => randomSalt());
  });

  it('randomAlphanumeric: [A-Za-z0-9] only, each as likely, any length', () => {
    expect(randomAlphanumeric(24)).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(randomAlphanumeric(1000)).toHaveLength(1000);
    evenOver(ALNUM, () => randomAlphanumeric(64));
  });

  it('generateSecrets: four 64-character salts and two 32-byte keys, all different', () => {
    const s = generateSecrets();
    for (const salt of [s.nonceKey, s.nonceSalt, s.authKey, s.authSalt]) expect(salt).toMatch(/^[^'"\\\s]{64}$/);
    for (const key of [s.hashKey, s.jwtSigningKey]) expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(new Set(Object.values(s)).size).toBe(6);
  });
});
