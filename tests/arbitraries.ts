import fc from 'fast-check';

/** The surrogates (U+D800–U+DFFF): never a code point of their own in well-formed text. */
const SURROGATES = 0x800;

/**
 * One code point of the whole Unicode range except the surrogates: what `fc.string({ unit: 'binary' })`
 * draws, as the same integer arbitrary mapped by arithmetic. fast-check 4 maps 'binary' through a table
 * of every code point (its reverse side is built the first time a test file makes such a string, ~0.8 s
 * of CPU in each file that does, every run). With the same seed this gives the very same strings
 * (compared for seeds 1, 2, 3 and 42 with fast-check 4.10); the unmapper lets fast-check put its
 * usual special strings (`__proto__`, `ref`, ...) in as it does for 'binary'.
 */
export const binaryUnit: fc.Arbitrary<string> = fc.integer({ min: 0, max: 0x10ffff - SURROGATES }).map(
  (i) => String.fromCodePoint(i < 0xd800 ? i : i + SURROGATES),
  (value) => {
    if (typeof value !== 'string' || value.length === 0) throw new Error('not a code point');
    const cp = value.codePointAt(0)!;
    if (value.length !== (cp > 0xffff ? 2 : 1) || (cp >= 0xd800 && cp <= 0xdfff)) throw new Error('not one code point');
    return cp < 0xd800 ? cp : cp - SURROGATES;
  },
);

/** `fc.string({ unit: 'binary', ...constraints })` without fast-check's table (see binaryUnit). */
export function binaryString(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ unit: binaryUnit, ...constraints });
}
