/**
 * sanitize_url() (esc_url() in the 'db' context, wp-includes/formatting.php 6.8): what WordPress
 * saves of a URL, and echoes of a CORS origin. Compared with WordPress's own in
 * tests/conformance/rest-formats-6.8.json.
 */
import { ksesBadProtocol } from './kses';

/** The ASCII characters esc_url() keeps: letters, digits and -~+_.?#=!&;,/:%@$|*'()[] (every byte above 127 is kept too). */
const URL_KEEPS = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-~+_.?#=!&;,/:%@$|*'()[]") URL_KEEPS[c.charCodeAt(0)] = 1;

/**
 * esc_url()'s first steps in one pass over the text's UTF-16 units: leading whitespace trimmed, each
 * space as `%20`, every other ASCII character it does not allow dropped (PHP works on UTF-8 bytes,
 * so every non-ASCII character stays), then, unless it starts with `mailto:`, `%0d`/`%0a`/`%0D`/`%0A`
 * removed until none is left (_deep_replace; like removePercentOctets, a stack gives it in one
 * pass). A replace per match cost ~140 ns here: 240 ms for a megabyte of spaces. null when nothing
 * is left before the removal (esc_url() answers '' then).
 */
function cleanUrlCharacters(input: string): string | null {
  let start = 0;
  while (start < input.length && ' \t\n\r\0\x0B'.includes(input[start]!)) start++;
  let spaces = 0;
  for (let i = start; i < input.length; i++) if (input.charCodeAt(i) === 0x20) spaces++;
  const out = new Uint16Array(input.length - start + 2 * spaces);
  let n = 0;
  for (let i = start; i < input.length; i++) {
    const unit = input.charCodeAt(i);
    if (unit === 0x20) {
      out[n++] = 0x25;
      out[n++] = 0x32;
      out[n++] = 0x30;
    } else if (unit >= 0x80 || URL_KEEPS[unit] === 1) out[n++] = unit;
  }
  if (n === 0) return null; // esc_url() returns '' here, before the %0d/%0a removal (which can empty it too)
  const mailto = n >= 7 && String.fromCharCode(...out.subarray(0, 7)).toLowerCase() === 'mailto:';
  if (!mailto) {
    let top = 0;
    for (let i = 0; i < n; i++) {
      const unit = out[i]!;
      out[top++] = unit;
      if (top >= 3 && out[top - 3] === 0x25 && out[top - 2] === 0x30 && (unit === 0x64 || unit === 0x61 || unit === 0x44 || unit === 0x41)) top -= 3;
    }
    n = top;
  }
  return Buffer.from(out.buffer, out.byteOffset, n * 2).toString('utf16le');
}

/**
 * What esc_url() rebuilds from wp_parse_url() before it encodes brackets: scheme://user:pass@host:port
 * ('//' for a URL starting with '/'), as PHP's parse_url() reads them: the host runs to the first '/',
 * '?' or '#' (brackets and all), the user part to the last '@', the port is what strtol() reads after
 * the last ':' (at most 5 characters). '' where parse_url() fails (an empty host, a port it refuses)
 * or finds no host: then the whole URL is the part whose brackets are encoded.
 */
function urlFront(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  const afterScheme = scheme === undefined ? 0 : scheme.length + 1;
  if (!url.startsWith('//', afterScheme)) return scheme !== undefined ? `${scheme}://` : url[0] === '/' ? '//' : '';
  const start = afterScheme + 2;
  const stop = url.slice(start).search(/[/?#]/);
  const authority = stop === -1 ? url.slice(start) : url.slice(start, start + stop);
  const at = authority.lastIndexOf('@');
  const hostPort = authority.slice(at + 1);
  let host = hostPort;
  let port = '';
  const colon = hostPort.startsWith('[') && hostPort.endsWith(']') ? -1 : hostPort.lastIndexOf(':');
  if (colon !== -1) {
    const digits = hostPort.slice(colon + 1);
    if (digits.length > 5) return '';
    if (digits.length > 0) {
      const read = /^[ \t\n\v\f\r]*[+-]?\d+/.exec(digits);
      const value = read === null ? NaN : parseInt(read[0], 10);
      if (!(value >= 0 && value <= 65535)) return '';
      port = `:${value}`;
    }
    host = hostPort.slice(0, colon);
  }
  if (host === '') return '';
  return `${scheme === undefined ? '' : `${scheme}:`}//${at === -1 ? '' : `${authority.slice(0, at)}@`}${host}${port}`;
}

/** sanitize_url() (esc_url() in the 'db' context), as rest_send_cors_headers() applies it to Origin. */
export function sanitizeUrl(input: string): string {
  if (input === '') return '';
  const cleaned = cleanUrlCharacters(input);
  if (cleaned === null) return '';
  let url = cleaned.split(';//').join('://');
  if (!url.includes(':') && !['/', '#', '?'].includes(url[0]!) && !/^[a-z0-9-]+?\.php/i.test(url)) url = `http://${url}`;
  if (url.includes('[') || url.includes(']')) {
    // The part wp_parse_url() understood stays; brackets in the rest are percent-encoded, by
    // str_replace as esc_url() does it (every occurrence of each piece).
    const front = urlFront(url);
    const endDirty = front === '' ? url : url.split(front).join('');
    if (endDirty !== '') url = url.split(endDirty).join(endDirty.replace(/\[/g, '%5B').replace(/\]/g, '%5D'));
  }
  if (url[0] === '/') return url;
  const good = ksesBadProtocol(url);
  return asciiCaseEqual(good, url) ? good : '';
}

/** PHP 8.2's strtolower($a) === strtolower($b): only A–Z fold, and nothing is copied. */
function asciiCaseEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && !((x | 0x20) === (y | 0x20) && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7a)) return false;
  }
  return true;
}
