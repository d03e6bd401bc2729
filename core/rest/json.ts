import { isAscii } from 'node:buffer';
import { setOwn } from '../own-properties';
import { hasInvalidBytes, utf8SequenceLength } from '../php-bytes';

/**
 * JSON as the REST server sends it. WordPress (PHP's json_encode without flags) escapes `/` and
 * every non-ASCII character; clients that compare bytes see the same text from the emulator.
 */
export function encodeJson(data: unknown, style: 'php' | 'plain'): string {
  let text = JSON.stringify(data) ?? 'null';
  if (style === 'plain') return text;
  // A string (or key) holding bytes that are not UTF-8 (core/php-bytes.ts) makes json_encode fail, and
  // wp_json_encode's sanity check then makes each such string ''. JSON.stringify escapes exactly the
  // lone surrogates such bytes became, so the text says whether there is one to look for.
  if (text.includes('\\udc')) {
    const clean = withoutInvalidBytes(data);
    if (clean !== data) text = JSON.stringify(clean) ?? 'null';
  }
  // What PHP's json_encode escapes beyond JSON.stringify: '/' and every non-ASCII character. A text
  // as long in UTF-8 bytes as in characters is ASCII (checked in native code, ~6x faster than a regex
  // test on a 4 MB answer): only '/' then, by a plain string replace (a regular expression with a
  // callback took ~16 ms on a 4 MB answer, in one synchronous block; this takes under 1 ms).
  if (Buffer.byteLength(text, 'utf8') === text.length) return text.indexOf('/') === -1 ? text : text.replaceAll('/', '\\/');
  return text.replace(/[/\u0080-\uffff]/g, (c) => (c === '/' ? '\\/' : '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')));
}

/** `value` with every string and key that holds bytes that are not UTF-8 made '' (the same value when there is none). */
function withoutInvalidBytes(value: unknown): unknown {
  if (typeof value === 'string') return hasInvalidBytes(value) ? '' : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(withoutInvalidBytes);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [key, item] of Object.entries(value)) {
    const cleanKey = hasInvalidBytes(key) ? '' : key;
    const cleanItem = withoutInvalidBytes(item);
    if (cleanKey !== key || cleanItem !== item) changed = true;
    setOwn(out, cleanKey, cleanItem);
  }
  return changed ? out : value;
}

/** PHP json_decode's error codes that the emulator reproduces in rest_invalid_json. */
export const JSON_ERRORS = {
  depth: { code: 1, message: 'Maximum stack depth exceeded' },
  stateMismatch: { code: 2, message: 'State mismatch (invalid or malformed JSON)' },
  ctrlChar: { code: 3, message: 'Control character error, possibly incorrectly encoded' },
  syntax: { code: 4, message: 'Syntax error' },
  utf8: { code: 5, message: 'Malformed UTF-8 characters, possibly incorrectly encoded' },
  utf16: { code: 10, message: 'Single unpaired UTF-16 surrogate in unicode escape' },
} as const;

export type JsonError = (typeof JSON_ERRORS)[keyof typeof JSON_ERRORS];

/** json_decode's default depth: a document that reaches this many nested arrays and objects is refused. */
const MAX_LEVELS = 512;

// A fatal decoder that keeps a byte order mark (PHP reads one as a syntax error, not as nothing).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Nesting depth of a JSON text, counted without parsing (strings skipped). */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** A \u escape of a UTF-16 surrogate (D800-DFFF), paired or not: JSON.parse takes an unpaired one, PHP does not. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * PHP json_decode($body, true) (default depth): the value, or the error PHP reports. JSON.parse
 * decides the usual case; a body it refuses, or one it takes that PHP may not (512 levels or more,
 * an unpaired surrogate escape), goes through phpJsonError for PHP's own verdict and error code.
 */
export function decodeJsonBody(body: Buffer): { value: unknown } | { error: JsonError } {
  let text: string | null;
  // ASCII (most JSON bodies) is valid UTF-8 and reads the same as Latin-1, the cheapest decoding.
  if (isAscii(body)) text = body.toString('latin1');
  else {
    try {
      text = utf8.decode(body);
    } catch {
      text = null; // invalid UTF-8: PHP's error depends on where it is (phpJsonError)
    }
  }
  let value: unknown;
  if (text !== null) {
    try {
      value = JSON.parse(text);
      // MAX_LEVELS levels take at least twice as many characters: a shorter text needs no count.
      const php = (text.length >= 2 * MAX_LEVELS && nestingDepth(text) >= MAX_LEVELS) || SURROGATE_ESCAPE.test(text);
      if (!php) return { value };
    } catch {
      text = null;
    }
  }
  const error = phpJsonError(body);
  if (error !== null) return { error };
  // PHP takes what JSON.parse refused: not expected (both follow RFC 8259), answered as PHP's syntax error.
  return text === null ? { error: JSON_ERRORS.syntax } : { value };
}

const enum Lexeme {
  BeginObject,
  EndObject,
  BeginArray,
  EndArray,
  Colon,
  Comma,
  String,
  Scalar,
  End,
}

/** Where the parser stands: what the next lexeme may be. */
const enum Expect {
  Value,
  ValueOrEndArray,
  Key,
  KeyOrEndObject,
  Colon,
  CommaOrEnd,
  Nothing,
}

const isHex = (b: number | undefined) => b !== undefined && ((b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102));
const isDigit = (b: number | undefined) => b !== undefined && b >= 48 && b <= 57;

/**
 * The error PHP 8's json_decode($bytes, true) reports, or null when it decodes the text. PHP's
 * scanner reads one lexeme at a time and its parser checks each lexeme as it comes, so the first
 * problem in the text decides: a lexeme that cannot be read (a control character: 3; malformed
 * UTF-8: 5; an unpaired surrogate escape: 10; anything else: 4), a lexeme the grammar does not take
 * there (4; an array closed with `}` or an object with `]` where its end may come: 2), or an
 * array or object opened at level 512 (1, checked as it opens). Checked against
 * the wp-oracle's PHP (tests/conformance/json-decode-8.2.json).
 */
export function phpJsonError(bytes: Buffer): JsonError | null {
  let i = 0;
  const n = bytes.length;
  const stack: Lexeme[] = []; // the open containers: BeginObject or BeginArray
  let expect = Expect.Value;
  let lexError: JsonError | null = null;

  /** The string lexeme starting after the opening quote at `i`; sets lexError on failure. */
  const readString = (): void => {
    for (;;) {
      if (i >= n) {
        lexError = JSON_ERRORS.ctrlChar; // unterminated
        return;
      }
      const b = bytes[i]!;
      if (b === 0x22) {
        i++;
        return;
      }
      if (b === 0x5c) {
        const e = bytes[i + 1];
        if (e === 0x75) {
          if (!(isHex(bytes[i + 2]) && isHex(bytes[i + 3]) && isHex(bytes[i + 4]) && isHex(bytes[i + 5]))) {
            lexError = JSON_ERRORS.syntax;
            return;
          }
          const unit = parseInt(bytes.toString('latin1', i + 2, i + 6), 16);
          if (unit >= 0xdc00 && unit <= 0xdfff) {
            lexError = JSON_ERRORS.utf16;
            return;
          }
          if (unit >= 0xd800 && unit <= 0xdbff) {
            const low = bytes[i + 6] === 0x5c && bytes[i + 7] === 0x75 && isHex(bytes[i + 8]) && isHex(bytes[i + 9]) && isHex(bytes[i + 10]) && isHex(bytes[i + 11]) ? parseInt(bytes.toString('latin1', i + 8, i + 12), 16) : -1;
            if (!(low >= 0xdc00 && low <= 0xdfff)) {
              lexError = JSON_ERRORS.utf16;
              return;
            }
            i += 12;
          } else i += 6;
          continue;
        }
        // \" \\ \/ \b \f \n \r \t; anything else, or the end, is a syntax error
        if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
          i += 2;
          continue;
        }
        lexError = JSON_ERRORS.syntax;
        return;
      }
      if (b < 0x20) {
        lexError = JSON_ERRORS.ctrlChar;
        return;
      }
      if (b < 0x80) {
        i++;
        continue;
      }
      const length = utf8SequenceLength(bytes, i);
      if (length === 0) {
        lexError = JSON_ERRORS.utf8;
        return;
      }
      i += length;
    }
  };

  /** The next lexeme, or null with lexError set. */
  const next = (): Lexeme | null => {
    while (i < n && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
    if (i >= n) return Lexeme.End;
    const b = bytes[i]!;
    switch (b) {
      case 0x7b: i++; return Lexeme.BeginObject;
      case 0x7d: i++; return Lexeme.EndObject;
      case 0x5b: i++; return Lexeme.BeginArray;
      case 0x5d: i++; return Lexeme.EndArray;
      case 0x3a: i++; return Lexeme.Colon;
      case 0x2c: i++; return Lexeme.Comma;
      case 0x22:
        i++;
        readString();
        return lexError === null ? Lexeme.String : null;
    }
    if (b === 0x2d || isDigit(b)) {
      // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, longest match; what follows is the next lexeme
      let j = b === 0x2d ? i + 1 : i;
      if (!isDigit(bytes[j])) {
        lexError = JSON_ERRORS.syntax;
        return null;
      }
      if (bytes[j] === 0x30) j++;
      else while (isDigit(bytes[j])) j++;
      if (bytes[j] === 0x2e && isDigit(bytes[j + 1])) {
        j += 2;
        while (isDigit(bytes[j])) j++;
      }
      if ((bytes[j] === 0x65 || bytes[j] === 0x45) && (isDigit(bytes[j + 1]) || ((bytes[j + 1] === 0x2b || bytes[j + 1] === 0x2d) && isDigit(bytes[j + 2])))) {
        j += bytes[j + 1] === 0x2b || bytes[j + 1] === 0x2d ? 3 : 2;
        while (isDigit(bytes[j])) j++;
      }
      i = j;
      return Lexeme.Scalar;
    }
    for (const word of LITERALS) {
      if (bytes.length - i >= word.length && bytes.compare(word, 0, word.length, i, i + word.length) === 0) {
        i += word.length;
        return Lexeme.Scalar;
      }
    }
    if (b < 0x20) lexError = JSON_ERRORS.ctrlChar;
    else if (b >= 0x80 && utf8SequenceLength(bytes, i) === 0) lexError = JSON_ERRORS.utf8;
    else lexError = JSON_ERRORS.syntax;
    return null;
  };

  for (;;) {
    const lexeme = next();
    if (lexeme === null) return lexError;
    switch (expect) {
      case Expect.Value:
      case Expect.ValueOrEndArray:
        if (lexeme === Lexeme.String || lexeme === Lexeme.Scalar) expect = stack.length === 0 ? Expect.Nothing : Expect.CommaOrEnd;
        else if (lexeme === Lexeme.BeginObject || lexeme === Lexeme.BeginArray) {
          stack.push(lexeme);
          if (stack.length >= MAX_LEVELS) return JSON_ERRORS.depth;
          expect = lexeme === Lexeme.BeginObject ? Expect.KeyOrEndObject : Expect.ValueOrEndArray;
        } else if (lexeme === Lexeme.EndArray && expect === Expect.ValueOrEndArray) {
          stack.pop();
          expect = stack.length === 0 ? Expect.Nothing : Expect.CommaOrEnd;
        } else if (lexeme === Lexeme.EndObject && expect === Expect.ValueOrEndArray) return JSON_ERRORS.stateMismatch;
        else return JSON_ERRORS.syntax;
        break;
      case Expect.Key:
      case Expect.KeyOrEndObject:
        if (lexeme === Lexeme.String) expect = Expect.Colon;
        else if (lexeme === Lexeme.EndObject && expect === Expect.KeyOrEndObject) {
          stack.pop();
          expect = stack.length === 0 ? Expect.Nothing : Expect.CommaOrEnd;
        } else if (lexeme === Lexeme.EndArray && expect === Expect.KeyOrEndObject) return JSON_ERRORS.stateMismatch;
        else return JSON_ERRORS.syntax;
        break;
      case Expect.Colon:
        if (lexeme !== Lexeme.Colon) return JSON_ERRORS.syntax;
        expect = Expect.Value;
        break;
      case Expect.CommaOrEnd: {
        const open = stack[stack.length - 1];
        if (lexeme === Lexeme.Comma) expect = open === Lexeme.BeginObject ? Expect.Key : Expect.Value;
        else if ((lexeme === Lexeme.EndObject && open === Lexeme.BeginObject) || (lexeme === Lexeme.EndArray && open === Lexeme.BeginArray)) {
          stack.pop();
          expect = stack.length === 0 ? Expect.Nothing : Expect.CommaOrEnd;
        } else if (lexeme === Lexeme.EndObject || lexeme === Lexeme.EndArray) return JSON_ERRORS.stateMismatch; // the other kind's end
        else return JSON_ERRORS.syntax;
        break;
      }
      case Expect.Nothing:
        return lexeme === Lexeme.End ? null : JSON_ERRORS.syntax;
    }
  }
}

const LITERALS = [Buffer.from('true'), Buffer.from('false'), Buffer.from('null')];
