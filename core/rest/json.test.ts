import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { binaryString } from '../../tests/arbitraries';
import { decodeJsonBody, encodeJson } from './json';

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

/** PHP's messages for json_last_error()'s codes (json_last_error_msg()), as rest_invalid_json shows them. */
const PHP_MESSAGES: Record<number, string> = {
  1: 'Maximum stack depth exceeded',
  2: 'State mismatch (invalid or malformed JSON)',
  3: 'Control character error, possibly incorrectly encoded',
  4: 'Syntax error',
  5: 'Malformed UTF-8 characters, possibly incorrectly encoded',
  10: 'Single unpaired UTF-16 surrogate in unicode escape',
};

describe('decodeJsonBody', () => {
  // Recorded from the wp-oracle's PHP 8.2 by tests/conformance/record-json-decode.mjs.
  const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, '../../tests/conformance/json-decode-8.2.json'), 'utf8')) as { php: string; cases: Array<{ name: string; body: string; code: number }> };

  it("reports the error PHP's json_decode reports for each recorded body, or decodes it as PHP does", () => {
    expect(recorded.cases.length).toBeGreaterThan(600);
    const differences: string[] = [];
    for (const c of recorded.cases) {
      const body = Buffer.from(c.body, 'base64');
      const result = decodeJsonBody(body);
      if ('error' in result) {
        if (result.error.code !== c.code || result.error.message !== PHP_MESSAGES[c.code]) differences.push(`${c.name}: PHP ${c.code}, emulator ${result.error.code} ${result.error.message}`);
      } else if (c.code !== 0) differences.push(`${c.name}: PHP ${c.code}, emulator decoded it`);
      else expect(result.value).toEqual(JSON.parse(body.toString('utf8')));
    }
    expect(differences).toEqual([]);
  });

  it('covers every error code PHP gave among the recorded bodies', () => {
    expect(new Set(recorded.cases.map((c) => c.code))).toEqual(new Set([0, 1, 2, 3, 4, 5, 10]));
  });

  it('answers any bytes with a value or one of those errors, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const result = decodeJsonBody(Buffer.from(bytes));
        return 'value' in result || PHP_MESSAGES[result.error.code] === result.error.message;
      }),
      { numRuns: 3000 },
    );
  });
});
