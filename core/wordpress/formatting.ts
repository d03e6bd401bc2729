/**
 * WordPress formatting functions any namespace (plugin) may use, re-written in TypeScript from
 * WordPress 6.8's wp-includes/formatting.php: wp_unslash (stripslashes), sanitize_text_field and
 * sanitize_title (remove_accents + sanitize_title_with_dashes, 'save' context).
 * PHP works on bytes; these work on JavaScript strings and give the same result for valid UTF-8.
 */

/*
 * Every function here runs in time linear in its input: one request must not stall the event loop
 * for everyone (issue 21). Where WordPress's own unit (a regular expression, a loop that rescans the
 * string) would be quadratic here, the same result is computed in one pass; the slow forms are kept
 * as reference implementations in tests/reliability/formatting-linear.test.ts.
 */

/** PHP's trim() characters: space, \t, \n, \r, \0, \x0B. */
function isPhpTrimChar(unit: number): boolean {
  return unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d || unit === 0x00 || unit === 0x0b;
}

/** PHP's trim(), scanning in from both ends (a regular expression `[…]+$` would be quadratic on inner runs). */
export function phpTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPhpTrimChar(text.charCodeAt(start))) start++;
  while (end > start && isPhpTrimChar(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
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
  let at = text.indexOf('\\');
  if (at === -1) return text;
  let out = '';
  let kept = 0; // text[kept..] is not yet copied to out
  while (at !== -1) {
    out += text.slice(kept, at);
    if (at + 1 === text.length) {
      kept = text.length; // a backslash at the very end goes
      break;
    }
    const next = text[at + 1]!;
    out += next === '0' ? '\0' : next;
    kept = at + 2;
    at = text.indexOf('\\', kept);
  }
  return out + text.slice(kept);
}

/** wp_unslash() for one value: strings lose their slashes, everything else passes through. */
export function wpUnslash(value: unknown): unknown {
  return typeof value === 'string' ? stripslashes(value) : value;
}

/**
 * A string built from UTF-16 unit units in one growing buffer: no intermediate strings, so building
 * a result of millions of small pieces costs what copying them does.
 */
class CodeUnits {
  private buffer: Uint16Array;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint16Array(Math.max(16, capacity));
  }

  private room(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const bigger = new Uint16Array(Math.max(this.buffer.length * 2, this.length + more));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  unit(unit: number): void {
    this.room(1);
    this.buffer[this.length++] = unit;
  }

  text(text: string, from = 0, to = text.length): void {
    this.room(to - from);
    for (let i = from; i < to; i++) this.buffer[this.length++] = text.charCodeAt(i);
  }

  toString(): string {
    // Node's UTF-16 decoder copies the units as they are (a lone surrogate stays one): the fastest way back to a string.
    return Buffer.from(this.buffer.buffer, this.buffer.byteOffset, this.length * 2).toString('utf16le');
  }
}

function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

function isHexDigit(unit: number): boolean {
  return isDigit(unit) || (unit >= 0x61 && unit <= 0x66) || (unit >= 0x41 && unit <= 0x46);
}

function isAsciiLetter(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
}

/** Whether text[at..to) starts with an entity's body and its `;`: `#\d+;`, `#x[0-9a-f]+;` or `[a-z][a-z0-9]*;` (any case). */
function entityAt(text: string, at: number, to: number): boolean {
  if (at >= to) return false;
  const first = text.charCodeAt(at);
  let end = at + 1;
  if (first === 0x23) {
    while (end < to && isDigit(text.charCodeAt(end))) end++;
    if (end > at + 1) return end < to && text.charCodeAt(end) === 0x3b;
    if (end >= to || (text.charCodeAt(end) | 0x20) !== 0x78) return false;
    const digits = ++end;
    while (end < to && isHexDigit(text.charCodeAt(end))) end++;
    return end > digits && end < to && text.charCodeAt(end) === 0x3b;
  }
  if (!isAsciiLetter(first)) return false;
  while (end < to && (isAsciiLetter(text.charCodeAt(end)) || isDigit(text.charCodeAt(end)))) end++;
  return end < to && text.charCodeAt(end) === 0x3b;
}

/** esc_html() of text[from..to) into `out` (an `&` starting an entity within that range is kept). */
function escHtmlInto(out: CodeUnits, text: string, from: number, to: number): void {
  let kept = from;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    let entity: string;
    if (unit === 0x3c) entity = '&lt;';
    else if (unit === 0x3e) entity = '&gt;';
    else if (unit === 0x22) entity = '&quot;';
    else if (unit === 0x27) entity = '&#039;';
    else if (unit === 0x26 && !entityAt(text, i + 1, to)) entity = '&amp;';
    else continue;
    out.text(text, kept, i);
    out.text(entity);
    kept = i + 1;
  }
  out.text(text, kept, to);
}

/**
 * esc_html(): the five special characters, without double-encoding entities already there (what
 * `/&(?!(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/gi` and four replaces give, in one pass).
 */
export function escHtml(text: string): string {
  if (!/[&<>"']/.test(text)) return text;
  const out = new CodeUnits(text.length + 16);
  escHtmlInto(out, text, 0, text.length);
  return out.toString();
}

/** wp_pre_kses_less_than(): a `<` that does not open a complete tag is turned into `&lt;` (HTML-escaped with what follows it). */
export function wpPreKsesLessThan(text: string): string {
  // WordPress: preg_replace_callback('%<[^>]*?((?=<)|>|$)%', ...). Each `<` runs to the next `<` or `>`
  // or the end; a callback and five replaces per `<` made a megabyte of `<` take seconds.
  let i = text.indexOf('<');
  if (i === -1) return text;
  const out = new CodeUnits(text.length + 64);
  let kept = 0; // text[kept..] is not yet copied to out
  while (i !== -1) {
    let j = i + 1;
    while (j < text.length) {
      const unit = text.charCodeAt(j);
      if (unit === 0x3c || unit === 0x3e) break;
      j++;
    }
    if (j < text.length && text.charCodeAt(j) === 0x3e) {
      i = text.indexOf('<', j + 1); // a complete tag: kept as it is
      continue;
    }
    out.text(text, kept, i);
    if (j === i + 1) out.text('&lt;');
    else escHtmlInto(out, text, i, j);
    kept = j;
    i = j < text.length ? j : -1;
  }
  if (kept === 0) return text; // every '<' opened a complete tag: nothing changed
  out.text(text, kept);
  return out.toString();
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
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      out += text.slice(i); // text up to the end: copied as one piece, not character by character
      break;
    }
    if (lt > i) out += text.slice(i, lt);
    i = lt;
    const next = text[i + 1];
    if (next !== undefined && PHP_SPACE.test(next)) {
      out += '<';
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

/** A-Z to a-z and nothing else: the case folding a non-Unicode `/i` regex gives ASCII letters, same length. */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/**
 * What `text.replace(/<(script|style)[^>]*?>[\s\S]*?<\/\1>/gi, '')` gives, in one pass. That
 * expression searches to the end of the text for a closing tag from every unclosed opening one
 * (quadratic); here each search resumes where the previous one for the same thing stopped: the
 * next '>' and the next `</script>` / `</style>` at or after a position only move forward.
 */
export function removeScriptAndStyleElements(text: string): string {
  const folded = foldAscii(text);
  if (!folded.includes('</script>') && !folded.includes('</style>')) return text; // no element can close
  /** For each needle: the last position searched from, and what was found there (-1: none to the end). */
  const found = new Map<string, { from: number; at: number }>();
  const next = (needle: string, from: number): number => {
    const last = found.get(needle);
    if (last && last.from <= from && (last.at === -1 || last.at >= from)) return last.at;
    const at = folded.indexOf(needle, from);
    found.set(needle, { from, at });
    return at;
  };
  let out = '';
  let kept = 0; // text[kept..] is not yet copied to out
  let i = next('<', 0);
  while (i !== -1) {
    const name = folded.startsWith('script', i + 1) ? 'script' : folded.startsWith('style', i + 1) ? 'style' : null;
    let end = -1;
    if (name !== null) {
      const gt = next('>', i + 1 + name.length);
      const close = gt === -1 ? -1 : next(`</${name}>`, gt + 1);
      if (close !== -1) end = close + name.length + 3;
    }
    if (end === -1) {
      i = next('<', i + 1);
      continue;
    }
    out += text.slice(kept, i);
    kept = end;
    i = next('<', end);
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** wp_strip_all_tags(): script and style elements with their content, then every tag; trimmed. */
export function wpStripAllTags(text: string): string {
  return phpTrim(phpStripTags(removeScriptAndStyleElements(text)));
}

/**
 * What sanitize_text_field's loop leaves: `while (preg_match('/%[a-f0-9]{2}/i', …)) str_replace(…)`
 * removes one octet string per pass over the whole text, and removing one can make another
 * (`%%4141`), so it is quadratic. No two `%xx` can overlap (a hex digit is never '%'), so whatever
 * the order of removals the result is the same: the text with no `%xx` left. A stack gives it in one
 * pass: push each character, and pop the last three whenever they form `%xx`.
 */
export function removePercentOctets(text: string): { text: string; found: boolean } {
  if (!text.includes('%')) return { text, found: false };
  const stack = new Uint16Array(text.length);
  let top = 0;
  let found = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    stack[top++] = unit;
    if (top >= 3 && stack[top - 3] === 0x25 && isHexDigit(stack[top - 2]!) && isHexDigit(unit)) {
      top -= 3;
      found = true;
    }
  }
  if (!found) return { text, found };
  return { text: Buffer.from(stack.buffer, stack.byteOffset, top * 2).toString('utf16le'), found };
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
  // Only when there is something to collapse: a replace per lone space costs ~300 ns, 80 ms a megabyte.
  if (/[\r\n\t]| {2}/.test(filtered)) filtered = filtered.replace(/[\r\n\t ]+/g, ' ');
  filtered = phpTrim(filtered);
  const octets = removePercentOctets(filtered);
  filtered = octets.text;
  if (octets.found) filtered = phpTrim(filtered.replace(/ +/g, ' '));
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
function inAccentTable(unit: number): boolean {
  return (
    (unit >= 0xc0 && unit <= 0x17f) || (unit >= 0x1cd && unit <= 0x1dc) || (unit >= 0x218 && unit <= 0x21b) || (unit >= 0x1ea0 && unit <= 0x1ef9)
  );
}

/**
 * remove_accents() for the default locale: Latin letters with diacritics to their ASCII letters.
 * WordPress uses a fixed table; this decomposes the letters of the blocks that table covers (NFD)
 * and drops the marks, plus the letters that do not decompose. Checked against WordPress 6.8 for
 * every unit point from U+0080 to U+024F, U+1E00 to U+1EFF and U+2000 to U+20FF.
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
    const unit = ch.codePointAt(0)!;
    if (inAccentTable(unit)) {
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
    const unit = ch.codePointAt(0)!;
    if (unit < 128) {
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
  let title = input.includes('<') ? phpStripTags(input) : input;
  if (title.includes('%')) {
    title = title.replace(/%([a-fA-F0-9][a-fA-F0-9])/g, '---$1---');
    title = title.split('%').join('');
  }
  if (title.includes('---')) title = title.replace(/---([a-fA-F0-9][a-fA-F0-9])---/g, '%$1');
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
