import fc from 'fast-check';
import { bytesToText, hasInvalidBytes, textToBytes, utf8SequenceLength } from './php-bytes';

describe('request bytes as PHP keeps them (surrogate-escaped where they are not UTF-8)', () => {
  it('gives any bytes back exactly: textToBytes(bytesToText(bytes))', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => textToBytes(bytesToText(Buffer.from(bytes))).equals(Buffer.from(bytes))), { numRuns: 5000 });
  });

  it('decodes UTF-8 as Node does and finds nothing invalid in it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        return bytesToText(bytes) === text && !hasInvalidBytes(bytesToText(bytes)) && textToBytes(text).equals(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it("marks exactly the bytes PHP's wp_check_invalid_utf8 refuses: malformed, overlong, surrogate, past U+10FFFF, cut short", () => {
    const cases: Array<[number[], string]> = [
      [[0x61, 0xff, 0x62], 'a\udcffb'],
      [[0xc3], '\udcc3'],
      [[0xc0, 0xaf], '\udcc0\udcaf'],
      [[0xed, 0xa0, 0x80], '\udced\udca0\udc80'],
      [[0xf4, 0x90, 0x80, 0x80], '\udcf4\udc90\udc80\udc80'],
      [[0xe2, 0x82], '\udce2\udc82'],
      [[0xe2, 0x82, 0xac], '€'],
      [[0xf0, 0x90, 0x80, 0x80], '\ud800\udc00'],
    ];
    for (const [bytes, text] of cases) {
      expect(bytesToText(Buffer.from(bytes))).toBe(text);
      expect(hasInvalidBytes(text)).toBe(bytes.length > 0 && text !== '€' && text !== '\ud800\udc00');
    }
    // The second half of a real pair is not an escaped byte: U+10080 is \ud800\udc80.
    expect(hasInvalidBytes('\ud800\udc80')).toBe(false);
    expect(utf8SequenceLength(Buffer.from([0x41]), 0)).toBe(1);
  });
});
