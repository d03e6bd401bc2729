/**
 * WordPress formatting functions any namespace (plugin) may use, re-written in TypeScript from
 * WordPress 6.8's wp-includes/formatting.php: wp_unslash (stripslashes), sanitize_text_field and sanitize_title (remove_accents + sanitize_title_with_dashes, 'save' context).
 * PHP works on bytes; these work on JavaScript strings and give the same result for valid UTF-8.
 */

/** PHP's trim() characters: space, \t, \n, \r, \0, \x0B. */
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

export function phpTrim(text: string): string {
  return text.replace(PHP_TRIM, '');
}

/**
 * PHP's (string) cast of a request value, or null for what sanitize_text_field turns into ''
 * before anything else (arrays and objects). JSON numbers and booleans arrive typed.
 */
export function phpString(value: unknown): string | null {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '';
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
    if (!Number.isFinite(value)) return value > 0 ? 'INF' : value < 0 ? '-INF' : 'NAN';
    // PHP 8 prints floats with the shortest round-trip form (serialize_precision -1), exponents as 1.0E+25.
    const text = String(value);
    return text.replace(/^(-?\d+)e([+-])(\d+)$/, '$1.0E$2$3').replace(/^(-?\d+\.\d+)e([+-])(\d+)$/, '$1E$2$3');
  }
  return null;
}

/** stripslashes(): a backslash escapes the next character; `\0` becomes NUL. What wp_unslash() does to a string. */
export function stripslashes(text: string): string {
  return text.replace(/\\([\s\S]?)/g, (_m, next: string) => (next === '0' ? '\0' : next));
}

/** wp_unslash() for one value: strings lose their slashes, everything else passes through. */
export function wpUnslash(value: unknown): unknown {
  return typeof value === 'string' ? stripslashes(value) : value;
}

/** esc_html(): the five special characters, without double-encoding entities already there. */
export function escHtml(text: string): string {
  return text
    .replace(/&(?!(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#039;');
}

/** wp_pre_kses_less_than(): a `<` that does not open a complete tag is turned into `&lt;` (HTML-escaped with what follows it). */
export function wpPreKsesLessThan(text: string): string {
  return text.replace(/<[^>]*?((?=<)|>|$)/g, (match) => (match.includes('>') ? match : escHtml(match)));
}

const PHP_SPACE = /[ \t\n\v\f\r]/;

/**
 * PHP's strip_tags() without allowed tags: tags (quotes inside them respected), comments and
 * processing instructions go; a `<` followed by whitespace is text; an unclosed tag swallows the rest.
 */
export function phpStripTags(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '<') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next !== undefined && PHP_SPACE.test(next)) {
      out += c;
      i++;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 2); // PHP ends a comment at any '>' after two '-', so '<!-->' is a whole comment
      i = end === -1 ? text.length : end + 3;
      continue;
    }
    // Inside a tag: up to the '>' that is not inside quotes.
    let j = i + 1;
    let quote: string | null = null;
    let depth = 1;
    while (j < text.length) {
      const d = text[j]!;
      if (quote) {
        if (d === quote) quote = null;
      } else if (d === '"' || d === "'") {
        quote = d;
      } else if (d === '<') {
        depth++;
      } else if (d === '>') {
        depth--;
        if (depth === 0) break;
      }
      j++;
    }
    i = j + 1;
  }
  return out;
}

/** wp_strip_all_tags(): script and style elements with their content, then every tag; trimmed. */
export function wpStripAllTags(text: string): string {
  return phpTrim(phpStripTags(text.replace(/<(script|style)[^>]*?>[\s\S]*?<\/\1>/gi, '')));
}

/**
 * sanitize_text_field(): '' for arrays and objects; tags stripped, a lone `<` escaped, line breaks,
 * tabs and runs of spaces collapsed to one space, trimmed, percent-encoded octets removed.
 */
export function sanitizeTextField(value: unknown): string {
  const str = phpString(value);
  if (str === null) return '';
  let filtered = str;
  if (filtered.includes('<')) {
    filtered = wpPreKsesLessThan(filtered);
    filtered = wpStripAllTags(filtered);
    filtered = filtered.split('<\n').join('&lt;\n');
  }
  filtered = filtered.replace(/[\r\n\t ]+/g, ' ');
  filtered = phpTrim(filtered);
  let found = false;
  for (let match = /%[a-f0-9]{2}/i.exec(filtered); match; match = /%[a-f0-9]{2}/i.exec(filtered)) {
    filtered = filtered.split(match[0]).join('');
    found = true;
  }
  if (found) filtered = phpTrim(filtered.replace(/ +/g, ' '));
  return filtered;
}

/** Letters remove_accents() maps to something other than their base letter. */
const ACCENT_SPECIAL: Record<string, string> = {
  'ª': 'a', 'º': 'o', 'Æ': 'AE', 'æ': 'ae', 'Ð': 'D', 'ð': 'd', 'Ø': 'O', 'ø': 'o', 'Þ': 'TH', 'þ': 'th', 'ß': 's',
  'Đ': 'D', 'đ': 'd', 'Ħ': 'H', 'ħ': 'h', 'ı': 'i', 'Ĳ': 'IJ', 'ĳ': 'ij', 'ĸ': 'k', 'Ŀ': 'L', 'ŀ': 'l', 'Ł': 'L',
  'ł': 'l', 'ŉ': 'n', 'Ŋ': 'N', 'ŋ': 'n', 'Œ': 'OE', 'œ': 'oe', 'Ŧ': 'T', 'ŧ': 't', 'ſ': 's', 'Ə': 'E', 'ǝ': 'e',
  'Ơ': 'O', 'ơ': 'o', 'Ư': 'U', 'ư': 'u', '€': 'E', '£': '',
};

/** The blocks whose accented letters WordPress's table covers: Latin-1 and Extended-A, pinyin, Romanian, Vietnamese. */
function inAccentTable(code: number): boolean {
  return (
    (code >= 0xc0 && code <= 0x17f) || (code >= 0x1cd && code <= 0x1dc) || (code >= 0x218 && code <= 0x21b) || (code >= 0x1ea0 && code <= 0x1ef9)
  );
}

/**
 * remove_accents() for the default locale: Latin letters with diacritics to their ASCII letters.
 * WordPress uses a fixed table; this decomposes the letters of the blocks that table covers (NFD)
 * and drops the marks, plus the letters that do not decompose. Checked against WordPress 6.8 for
 * every code point from U+0080 to U+024F, U+1E00 to U+1EFF and U+2000 to U+20FF.
 */
export function removeAccents(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const special = ACCENT_SPECIAL[ch];
    if (special !== undefined) {
      out += special;
      continue;
    }
    const code = ch.codePointAt(0)!;
    if (inAccentTable(code)) {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += /^[A-Za-z]+$/.test(base) ? base : ch;
    } else out += ch;
  }
  return out;
}

/** utf8_uri_encode(): non-ASCII characters as lower-case %xx octets, the result cut at `length` characters. */
export function utf8UriEncode(text: string, length = 0): string {
  let out = '';
  let outLength = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 128) {
      if (length && outLength + 1 > length) break;
      out += ch;
      outLength += 1;
      continue;
    }
    const bytes = Buffer.from(ch, 'utf8');
    if (length && outLength + bytes.length * 3 > length) break;
    for (const b of bytes) out += '%' + b.toString(16);
    outLength += bytes.length * 3;
  }
  return out;
}

const SAVE_TO_HYPHEN = ['%c2%a0', '%e2%80%93', '%e2%80%94'];
const SAVE_ENTITIES_TO_HYPHEN = ['&nbsp;', '&#160;', '&ndash;', '&#8211;', '&mdash;', '&#8212;'];
const SAVE_STRIP = [
  '%c2%ad', '%c2%a1', '%c2%bf', '%c2%ab', '%c2%bb', '%e2%80%b9', '%e2%80%ba', '%e2%80%98', '%e2%80%99', '%e2%80%9c',
  '%e2%80%9d', '%e2%80%9a', '%e2%80%9b', '%e2%80%9e', '%e2%80%9f', '%e2%80%a2', '%c2%a9', '%c2%ae', '%c2%b0', '%e2%80%a6',
  '%e2%84%a2', '%c2%b4', '%cb%8a', '%cc%81', '%cd%81', '%cc%80', '%cc%84', '%cc%8c', '%e2%80%8b', '%e2%80%8c', '%e2%80%8d',
  '%e2%80%8e', '%e2%80%8f', '%e2%80%aa', '%e2%80%ab', '%e2%80%ac', '%e2%80%ad', '%e2%80%ae', '%ef%bb%bf',
];
const SAVE_SPACES_TO_HYPHEN = [
  '%e2%80%80', '%e2%80%81', '%e2%80%82', '%e2%80%83', '%e2%80%84', '%e2%80%85', '%e2%80%86', '%e2%80%87', '%e2%80%88',
  '%e2%80%89', '%e2%80%8a', '%e2%80%a8', '%e2%80%a9', '%e2%80%af',
];

function replaceAll(text: string, needles: readonly string[], replacement: string): string {
  let out = text;
  // Most titles contain none of the needles: a search is far cheaper than a split and join.
  for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(replacement);
  return out;
}

/** What only the full sanitize_title_with_dashes() handles: tags, percent signs, entities, non-ASCII. */
const NEEDS_FULL = /[%&<\u0080-\uffff]/;

/**
 * sanitize_title_with_dashes() in the 'save' context. A title with no '<', '%', '&' and nothing
 * outside ASCII (nearly all of them) leaves strip_tags, the percent and entity steps and the
 * encoding tables unchanged (every needle holds '%' or '&'), so only the cut at 200 characters, the
 * lower-casing and the steps after the tables are done for it; the same result, proven against the
 * full path in tests/everest-backup-formatting.test.ts.
 */
export function sanitizeTitleWithDashes(input: string): string {
  if (NEEDS_FULL.test(input)) return sanitizeTitleWithDashesFull(input);
  return finishTitle((input.length > 200 ? input.slice(0, 200) : input).toLowerCase().replace(/[/.]/g, '-'));
}

/** Every step of sanitize_title_with_dashes() ('save' context), in WordPress's order. */
export function sanitizeTitleWithDashesFull(input: string): string {
  let title = phpStripTags(input);
  title = title.replace(/%([a-fA-F0-9][a-fA-F0-9])/g, '---$1---');
  title = title.split('%').join('');
  title = title.replace(/---([a-fA-F0-9][a-fA-F0-9])---/g, '%$1');
  title = utf8UriEncode(title.toLowerCase(), 200);
  title = title.toLowerCase();
  title = replaceAll(title, SAVE_TO_HYPHEN, '-');
  title = replaceAll(title, SAVE_ENTITIES_TO_HYPHEN, '-');
  title = title.split('/').join('-');
  title = replaceAll(title, SAVE_STRIP, '');
  title = replaceAll(title, SAVE_SPACES_TO_HYPHEN, '-');
  title = title.split('%c3%97').join('x');
  title = title.replace(/&.+?;/g, '');
  title = title.split('.').join('-');
  return finishTitle(title);
}

/** The last steps: anything but %, a-z, 0-9, space, _ and - dropped; whitespace to '-'; runs of '-' to one; none at the ends. */
function finishTitle(title: string): string {
  return title
    .replace(/[^%a-z0-9 _-]/g, '')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** sanitize_title(): remove_accents() then sanitize_title_with_dashes() ('save' context, no fallback). */
export function sanitizeTitle(title: string): string {
  return sanitizeTitleWithDashes(removeAccents(title));
}
