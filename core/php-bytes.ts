import { isUtf8 } from 'node:buffer';

/**
 * PHP's strings are bytes: a form field or query parameter that is not UTF-8 (`first_name=a%FFb`)
 * reaches WordPress as it was sent, and WordPress's own checks find it (wp_check_invalid_utf8 in
 * sanitize_text_field and esc_html gives '', wp_json_encode blanks such a string). JavaScript's
 * decoders put U+FFFD in its place, which no check can tell from a U+FFFD that was sent. So request
 * text is decoded here the way Python's `surrogateescape` does it: well-formed UTF-8 as characters,
 * each byte of a malformed sequence as a lone surrogate U+DC80–U+DCFF, which well-formed input never
 * gives (JSON bodies with lone surrogate escapes are refused as PHP refuses them, core/rest/json.ts).
 */

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF), or 0. */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Bytes as text: UTF-8 decoded, each byte of a malformed sequence kept as U+DC80 + (byte − 0x80). */
export function bytesToText(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let run = 0; // start of the current well-formed run
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    out += bytes.toString('utf8', run, i) + String.fromCharCode(0xdc00 + bytes[i]!);
    run = ++i;
  }
  return out + bytes.toString('utf8', run, bytes.length);
}

// A low surrogate in U+DC80–U+DCFF that is not the second half of a pair.
const ESCAPED_BYTE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** Whether text holds a byte that was not UTF-8 (bytesToText's lone surrogates): wp_check_invalid_utf8 would refuse it. */
export function hasInvalidBytes(text: string): boolean {
  return ESCAPED_BYTE.test(text);
}

/** The bytes of text made by bytesToText (its escaped bytes as themselves), else of any text as UTF-8. */
export function textToBytes(text: string): Buffer {
  if (!hasInvalidBytes(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // An escaped byte (a low surrogate not after a high one).
    if (unit >= 0xdc80 && unit <= 0xdcff && !(i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
      parts.push(Buffer.from(text.slice(run, i), 'utf8'), Buffer.from([unit - 0xdc00]));
      run = i + 1;
    }
  }
  parts.push(Buffer.from(text.slice(run), 'utf8'));
  return Buffer.concat(parts);
}
