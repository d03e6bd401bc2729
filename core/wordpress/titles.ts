/**
 * sanitize_title() in the 'save' context (remove_accents + sanitize_title_with_dashes), from WordPress
 * 6.8's wp-includes/formatting.php. Linear in the input: after the cut at 200 characters the rest
 * works on at most 200.
 */
import { CodeUnits } from './code-units';
import { phpStripTags } from './strip-tags';

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

/**
 * What only the full sanitize_title_with_dashes() handles: tags and NUL characters (strip_tags drops
 * both), percent signs, entities, non-ASCII, and '---' (WordPress turns a literal `---4f---` into the
 * octet `%4f`, as it does the ones it made).
 */
const NEEDS_FULL = /[\0%&<\u0080-\uffff]|---/;

/**
 * mb_strtolower() as the PHP the oracle runs (8.2): full case mapping without the conditional rule
 * that makes a word-final 'Σ' 'ς' (PHP 8.3 added it; String.prototype.toLowerCase has it).
 */
function mbStrtolower(text: string): string {
  return (text.includes('Σ') ? text.replaceAll('Σ', 'σ') : text).toLowerCase();
}

/**
 * sanitize_title_with_dashes() in the 'save' context. A title with no '<', '%', '&', '---' and nothing
 * outside ASCII (nearly all of them) leaves strip_tags, the percent and entity steps and the
 * encoding tables unchanged (every needle holds '%' or '&'), so only the cut at 200 characters, the
 * lower-casing and the steps after the tables are done for it; the same result, proven against the
 * full path in tests/everest-backup-formatting.test.ts.
 */
export function sanitizeTitleWithDashes(input: string): string {
  if (NEEDS_FULL.test(input)) return sanitizeTitleWithDashesFull(input);
  return finishTitle((input.length > 200 ? input.slice(0, 200) : input).toLowerCase().replace(/[/.]/g, '-'));
}

/**
 * A hex digit. formatting.ts has the same test, but it imports this module (not the other way
 * round), and a call across modules in the CommonJS build goes through an export getter: ~15 ns a
 * character in a megabyte-long title (measured on removePercentOctets when it called it that way).
 */
function isHexUnit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x66) || (unit >= 0x41 && unit <= 0x46);
}

/**
 * sanitize_title_with_dashes()'s octet steps, as WordPress's three calls give them: every '%xx' (two
 * hex digits) written '---xx---', every other '%' dropped, then every '---xx---' written '%xx' (so a
 * literal '---4f---' becomes '%4f'). Two scans into buffers: the regular expressions with '$1'
 * took ~120 ms each for a megabyte of '%25' (350,000 matches).
 */
export function percentOctetSteps(title: string): string {
  let text = title;
  let at = text.indexOf('%');
  if (at !== -1) {
    const out = new CodeUnits(text.length + 16);
    let kept = 0;
    for (; at !== -1; at = text.indexOf('%', at + 1)) {
      out.text(text, kept, at);
      if (isHexUnit(text.charCodeAt(at + 1)) && isHexUnit(text.charCodeAt(at + 2))) {
        out.text('---');
        out.text(text, at + 1, at + 3);
        out.text('---');
        kept = at + 3;
        at += 2;
      } else kept = at + 1;
    }
    out.text(text, kept);
    text = out.toString();
  }
  at = text.indexOf('---');
  if (at === -1) return text;
  const out = new CodeUnits(text.length);
  let kept = 0;
  while (at !== -1) {
    if (isHexUnit(text.charCodeAt(at + 3)) && isHexUnit(text.charCodeAt(at + 4)) && text.startsWith('---', at + 5)) {
      out.text(text, kept, at);
      out.unit(0x25);
      out.text(text, at + 3, at + 5);
      kept = at + 8;
      at = text.indexOf('---', kept);
    } else at = text.indexOf('---', at + 1);
  }
  out.text(text, kept);
  return out.toString();
}

/** Every step of sanitize_title_with_dashes() ('save' context), in WordPress's order. */
export function sanitizeTitleWithDashesFull(input: string): string {
  let title = input.includes('<') || input.includes('\0') ? phpStripTags(input) : input;
  title = percentOctetSteps(title);
  title = utf8UriEncode(mbStrtolower(title), 200);
  title = title.toLowerCase();
  title = replaceAll(title, SAVE_TO_HYPHEN, '-');
  title = replaceAll(title, SAVE_ENTITIES_TO_HYPHEN, '-');
  title = title.split('/').join('-');
  title = replaceAll(title, SAVE_STRIP, '');
  title = replaceAll(title, SAVE_SPACES_TO_HYPHEN, '-');
  title = title.split('%c3%97').join('x');
  title = title.replace(/&[^\n]+?;/g, ''); // PCRE's '.' is anything but \n; JavaScript's also refuses \r
  title = title.split('.').join('-');
  return finishTitle(title);
}

/**
 * The last steps of sanitize_title_with_dashes(), WordPress's four preg_replace calls in one pass:
 * anything but %, a-z, 0-9, space, _ and - dropped; whitespace to '-' (only spaces are left by then);
 * runs of '-' to one; none at the ends. Runs of kept characters are copied whole, one '-' is written
 * between two runs that had a space or '-' between them. The four replaces are the oracle of its
 * property test (tests/everest-backup-formatting.test.ts); one pass is ~3x faster.
 */
export function finishTitle(title: string): string {
  let out = '';
  let dash = false;
  let run = -1;
  for (let i = 0; i <= title.length; i++) {
    const c = i < title.length ? title.charCodeAt(i) : -1;
    const kept = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 37;
    if (kept) {
      if (run === -1) {
        if (dash && out !== '') out += '-';
        dash = false;
        run = i;
      }
    } else {
      if (run !== -1) {
        out += title.slice(run, i);
        run = -1;
      }
      if (c === 32 || c === 45) dash = true;
    }
  }
  return out;
}

/** How many code units of a long title sanitizeTitle() reads when the rest cannot change its result (titleHead). */
export const TITLE_HEAD = 2048;

/**
 * The part of `title` + `then` sanitize_title() can read: the result is cut at 200 encoded bytes,
 * each code point reaching utf8_uri_encode() gives at least one, and nothing before it can bring a
 * later character forward unless it deletes: strip_tags (any '<' may open a tag that ends anywhere,
 * and it drops NUL), a lone '%' (one without two hex digits after it), remove_accents' '£'. Without those, the first TITLE_HEAD units give
 * at least 512 code points (the most NFC composition, surrogate pairs and '---xx---' to '%xx' shrink
 * them is 4 to 1), the same as the whole title gives for them (nothing after them changes how they
 * are lower-cased: see mbStrtolower). A megabyte-long title is then searched once for '<' instead of
 * copied by every step, and not joined to `then` at all (joining copies it). Proven against the
 * whole title in tests/everest-backup-formatting.test.ts.
 */
function titleHead(title: string, then: string): string {
  if (title.length + then.length <= TITLE_HEAD + 2 || title.includes('<') || then.includes('<')) return title + then;
  // The head and the two units after it (a '%' at its end may have its hex digits there).
  const window = title.length >= TITLE_HEAD + 2 ? title.slice(0, TITLE_HEAD + 2) : title + then.slice(0, TITLE_HEAD + 2 - title.length);
  const head = window.slice(0, TITLE_HEAD);
  // A '%' deletes only when no two hex digits follow it ('%xx' is kept): a megabyte of '%25' reads the head.
  return /[\0£]/.test(head) || /%(?![a-fA-F0-9]{2})(?=[\s\S]{2})/.test(window) ? title + then : head;
}

/**
 * sanitize_title() of `title` followed by `then` (PHP's `sanitize_title($title . $then)`): remove_accents()
 * then sanitize_title_with_dashes() ('save' context, no fallback).
 */
export function sanitizeTitle(title: string, then = ''): string {
  return sanitizeTitleWithDashes(removeAccents(titleHead(title, then)));
}
