import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { binaryString } from '../tests/arbitraries';
import { HmacKey, hmac } from './secrets';

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
