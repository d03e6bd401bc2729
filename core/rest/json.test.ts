import fc from 'fast-check';
import { binaryString } from '../../tests/arbitraries';
import { encodeJson } from './json';

/** PHP's json_encode without flags, as regular expressions say it: `/` and every non-ASCII UTF-16 unit escaped. */
const reference = (data: unknown): string =>
  (JSON.stringify(data) ?? 'null').replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

/** ASCII, `/`, Latin-1, wider characters, a pair and lone surrogates: every branch of the escaping check. */
const piece = fc.constantFrom('a', 'Z', '0', ' ', '"', '\\', '\n', '/', '<', 'é', 'ÿ', '\u0100', 'ſ', '€', '😀', '\ud800', '\udfff');
const text = fc.oneof(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), binaryString({ maxLength: 30 }));

describe('encodeJson', () => {
  it("'php' escapes exactly what PHP's json_encode does (against the regular-expression form)", () => {
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 3 }))), (data) => encodeJson(data, 'php') === reference(data)),
      { numRuns: 2000 },
    );
    expect(encodeJson({ url: 'http://a/b', name: 'Crème' }, 'php')).toBe('{"url":"http:\\/\\/a\\/b","name":"Cr\\u00e8me"}');
    expect(encodeJson(undefined, 'php')).toBe('null');
  });

  it("'plain' is JSON.stringify's text", () => {
    fc.assert(fc.property(fc.dictionary(text, text), (data) => encodeJson(data, 'plain') === JSON.stringify(data)), { numRuns: 500 });
  });
});
