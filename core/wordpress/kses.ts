/**
 * WordPress's kses (wp-includes/kses.php, 6.8) for the small tag lists a user's fields are saved
 * with: wp_kses() with `$allowedtags` (what wp_filter_kses() keeps of a display name, first or last
 * name or nickname) and with the 'pre_user_description' context (a user's biographical info).
 * Written from WordPress's own steps and compared with them on generated strings
 * (tests/conformance/kses-6.8.json, recorded from WordPress 6.8.12's PHP).
 *
 * PHP's regular expressions here work on bytes without the u flag: `\s` is only tab, line feed,
 * vertical tab, form feed, carriage return and space, `.` is any byte but a line feed, and `$` also
 * matches before a line feed that ends the text. Every character they test is ASCII, so working on
 * UTF-16 units gives the same result; the scanner below spells those rules out instead of using
 * JavaScript's `\s`, `.` and `$`, which differ. It reads the text once (WordPress's own pattern can
 * rescan the rest of the text for each `<!--` on a line of its own: quadratic in the worst case).
 */
import { CodeUnits } from './code-units';
import { isAsciiLetter, ksesNormalizeEntities, phpEmptyString, phpTrim, wpPreKsesLessThan } from './formatting';

/** Allowed elements (lower case) and, for each, its allowed attributes (lower case). */
export type AllowedHtml = ReadonlyMap<string, ReadonlySet<string>>;

function tagList(spec: Record<string, string[]>): AllowedHtml {
  return new Map(Object.entries(spec).map(([tag, attributes]) => [tag, new Set(attributes)]));
}

const ALLOWED_TAGS_SPEC: Record<string, string[]> = {
  a: ['href', 'title'],
  abbr: ['title'],
  acronym: ['title'],
  b: [],
  blockquote: ['cite'],
  cite: [],
  code: [],
  del: ['datetime'],
  em: [],
  i: [],
  q: ['cite'],
  s: [],
  strike: [],
  strong: [],
};

/** `$allowedtags`: wp_kses_allowed_html() for the 'data' context and every context it does not name (the pre_user_* name filters). */
export const KSES_ALLOWED_TAGS: AllowedHtml = tagList(ALLOWED_TAGS_SPEC);

/** wp_kses_allowed_html('pre_user_description'): `$allowedtags`, links also with rel and target. */
export const KSES_USER_DESCRIPTION_TAGS: AllowedHtml = tagList({ ...ALLOWED_TAGS_SPEC, a: ['href', 'title', 'rel', 'target'] });

/** wp_allowed_protocols(). */
const ALLOWED_PROTOCOLS: readonly string[] = ['http', 'https', 'ftp', 'ftps', 'mailto', 'news', 'irc', 'irc6', 'ircs', 'gopher', 'nntp', 'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel', 'fax', 'xmpp', 'webcal', 'urn'];

/** wp_kses_uri_attributes(): attributes whose value is a URL (its protocol is checked). */
const URI_ATTRIBUTES = new Set(['action', 'archive', 'background', 'cite', 'classid', 'codebase', 'data', 'formaction', 'href', 'icon', 'longdesc', 'manifest', 'poster', 'profile', 'src', 'usemap', 'xmlns']);

/** PCRE's `\s` without the u flag. */
function isSpace(unit: number): boolean {
  return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
}

/** Whether PCRE's `$` (no m or D flag) matches at `at`: the end, or a line feed that ends the text. */
function atEnd(text: string, at: number): boolean {
  return at === text.length || (at === text.length - 1 && text.charCodeAt(at) === 0x0a);
}

/** Where `needle` next occurs at or after a position, for positions that only grow (one scan of the text in all). */
class NextIndex {
  private from = 0;
  private found = -2;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  at(position: number): number {
    if (this.found === -1 && position >= this.from) return -1;
    if (this.found >= position && position >= this.from) return this.found;
    this.from = position;
    this.found = this.text.indexOf(this.needle, position);
    return this.found;
  }
}

const CONTROLS = /[\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** wp_kses_no_null(): control characters removed (not tab, line feed or carriage return); with `slashZero`, also backslashes followed by zeros. */
function ksesNoNull(text: string, slashZero: boolean): string {
  const clean = text.replace(CONTROLS, '');
  return slashZero ? clean.replace(/\\+0+/g, '') : clean;
}

/**
 * wp_kses(): control characters removed, entities normalised (wp_kses_normalize_entities), WordPress's
 * pre_kses filters (preKses), then every tag, comment and lone `>` fixed (wp_kses_split): elements
 * not in `allowed` dropped, attributes not allowed dropped, URL attributes' protocols checked, a lone
 * `>` written `&gt;`.
 */
export function wpKses(content: string, allowed: AllowedHtml): string {
  return ksesSplit(preKses(ksesNormalizeEntities(ksesNoNull(content, false))), allowed);
}

/**
 * The 'pre_kses' filters of default-filters.php: wp_pre_kses_less_than (a `<` that no `>` closes
 * before the next `<` is text: esc_html'd), then wp_pre_kses_block_attributes, whose
 * filter_block_content first writes a comment closed by `--->` as closed by `-->`
 * (_filter_block_content_callback: the inside's trailing dashes trimmed). Its block parsing
 * changes nothing in text without block delimiters (`<!-- wp:name … -->`); with them, their JSON
 * attributes are not filtered here (docs/conformance.md).
 */
function preKses(text: string): string {
  const content = text.indexOf('<') === -1 ? text : wpPreKsesLessThan(text);
  if (content.indexOf('<!--') === -1 || content.indexOf('--->') === -1) return content;
  // %<!--(.*?)--->%: from each '<!--', the first '--->' on the same line.
  const close = new NextIndex(content, '--->');
  const newline = new NextIndex(content, '\n');
  let out = '';
  let kept = 0;
  for (let at = content.indexOf('<!--'); at !== -1; at = content.indexOf('<!--', at)) {
    const end = close.at(at + 4);
    const lineEnd = newline.at(at + 4);
    if (end === -1) break;
    if (lineEnd !== -1 && lineEnd < end) {
      at = lineEnd;
      continue;
    }
    out += `${content.slice(kept, at)}<!--${content.slice(at + 4, end).replace(/-+$/, '')}-->`;
    kept = end + 4;
    at = kept;
  }
  return out + content.slice(kept);
}

/**
 * wp_kses_split(): each chunk of WordPress's pattern through wp_kses_split2(), the text between them
 * as it is. The tokens, in the pattern's order at each `<`: a comment `<!--…-->` (or to the end of
 * its line when that line ends the text), a closing tag with an invalid name `</1…>`, a declaration
 * `<!…>`, else a tag-like span to the next `>` (or the end); and every lone `>`.
 */
function ksesSplit(text: string, allowed: AllowedHtml): string {
  if (text.indexOf('<') === -1 && text.indexOf('>') === -1) return text;
  const gt = new NextIndex(text, '>');
  const newline = new NextIndex(text, '\n');
  const commentEnd = new NextIndex(text, '-->');
  // Tokens repeat (the same tags through a text): each distinct short one is worked out once.
  const done = new Map<string, string>();
  const out = new CodeUnits(text.length + 16);
  let kept = 0;
  const special = /[<>]/g;
  for (let m = special.exec(text); m !== null; m = special.exec(text)) {
    const at = m.index;
    out.text(text, kept, at);
    let end: number; // the chunk is text[at..end)
    if (text.charCodeAt(at) === 0x3e) {
      // A run of lone '>' at once.
      end = at + 1;
      while (text.charCodeAt(end) === 0x3e) end++;
      for (let k = at; k < end; k++) out.text('&gt;');
    } else {
      end = tokenEnd(text, at, gt, newline, commentEnd);
      const chunk = text.slice(at, end);
      let written = done.get(chunk);
      if (written === undefined) {
        written = ksesSplit2(chunk, allowed);
        if (chunk.length <= 256 && done.size < 1024) done.set(chunk, written);
      }
      out.text(written);
    }
    kept = end;
    special.lastIndex = end;
  }
  out.text(text, kept);
  return out.toString();
}

/** Where the chunk starting with the `<` at `at` ends (see ksesSplit). */
function tokenEnd(text: string, at: number, gt: NextIndex, newline: NextIndex, commentEnd: NextIndex): number {
  const next = text.charCodeAt(at + 1);
  if (next === 0x21 /* ! */) {
    // <!--.*?(-->|$): the first '-->' on the same line, else the end when this line ends the text.
    if (text.startsWith('--', at + 2)) {
      const close = commentEnd.at(at + 4);
      const lineEnd = newline.at(at + 4);
      if (close !== -1 && (lineEnd === -1 || close < lineEnd)) return close + 3;
      if (lineEnd === -1) return text.length;
      if (lineEnd === text.length - 1) return lineEnd;
    }
    // <![^>]*>
    const close = gt.at(at + 2);
    if (close !== -1) return close + 1;
  } else if (next === 0x2f /* / */ && at + 2 < text.length && !isAsciiLetter(text.charCodeAt(at + 2))) {
    // </[^a-zA-Z][^>]*>: the character after '</' may itself be '>'.
    const close = gt.at(at + 3);
    if (close !== -1) return close + 1;
  }
  // <[^>]*(>|$)
  const close = gt.at(at + 1);
  return close === -1 ? text.length : close + 1;
}

/** wp_kses() until it changes nothing more (how WordPress cleans the inside of a comment). */
function ksesSettled(content: string, allowed: AllowedHtml): string {
  let current = content;
  for (let next = wpKses(current, allowed); next !== current; next = wpKses(current, allowed)) current = next;
  return current;
}

/** `<\s*(/\s*)?([a-zA-Z0-9-]+)([^>]*)>?$`: a tag's slash, name and attribute text; null when it is seriously malformed. */
function parseTag(chunk: string): { slash: boolean; name: string; attributes: string } | null {
  let i = 1;
  while (i < chunk.length && isSpace(chunk.charCodeAt(i))) i++;
  let slash = false;
  if (chunk.charCodeAt(i) === 0x2f) {
    slash = true;
    i++;
    while (i < chunk.length && isSpace(chunk.charCodeAt(i))) i++;
  }
  const nameStart = i;
  for (; i < chunk.length; i++) {
    const unit = chunk.charCodeAt(i);
    if (!(isAsciiLetter(unit) || (unit >= 0x30 && unit <= 0x39) || unit === 0x2d)) break;
  }
  if (i === nameStart) return null;
  const name = chunk.slice(nameStart, i);
  // ([^>]*)>?$: the rest up to a '>' that ends the chunk, or to its end.
  const gt = chunk.indexOf('>', i);
  if (gt !== -1 && !atEnd(chunk, gt + 1)) return null;
  return { slash, name, attributes: chunk.slice(i, gt === -1 ? chunk.length : gt) };
}

/** wp_kses_split2(): one chunk of wp_kses_split() as WordPress writes it back. */
function ksesSplit2(raw: string, allowed: AllowedHtml): string {
  // wp_kses_stripslashes(): \" is ".
  const chunk = raw.indexOf('\\"') === -1 ? raw : raw.replaceAll('\\"', '"');
  if (chunk.charCodeAt(0) !== 0x3c) return '&gt;';
  // A bogus comment (`</1…>`, `<!x…>`): its inside cleaned, its outside kept.
  if (/^(?:<\/[^a-zA-Z][^>]*>|<![a-z][^>]*>)$/.test(chunk)) {
    return `<${chunk[1]}${ksesSettled(chunk.slice(2, -1), allowed)}>`;
  }
  if (chunk.startsWith('<!--')) {
    let inside = ksesSettled(chunk.replaceAll('<!--', '').replaceAll('-->', ''), allowed);
    if (inside === '') return '';
    // No runs of dashes, and no dash right before the closing `-->` (PCRE's `$`: before a final line feed too).
    inside = inside.replace(/--+/g, '-');
    const last = inside.length - (inside.endsWith('\n') ? 2 : 1);
    if (last >= 0 && inside.charCodeAt(last) === 0x2d) inside = inside.slice(0, last) + inside.slice(last + 1);
    return `<!--${inside}-->`;
  }
  const tag = parseTag(chunk);
  if (tag === null) return '';
  const attributesAllowed = allowed.get(tag.name.toLowerCase());
  if (attributesAllowed === undefined) return '';
  if (tag.slash) return `</${tag.name}>`;
  return ksesAttr(tag.name, tag.attributes, attributesAllowed);
}

/** wp_kses_attr(): the element with only its allowed attributes (first of each name), and its XHTML slash. */
function ksesAttr(element: string, attributes: string, allowedAttributes: ReadonlySet<string>): string {
  const xhtmlSlash = /\/[\t\n\v\f\r ]*$/.test(attributes) ? ' /' : '';
  if (allowedAttributes.size === 0) return `<${element}${xhtmlSlash}>`;
  let kept = '';
  for (const attribute of ksesHair(attributes).values()) {
    if (allowedAttributes.has(attribute.name.toLowerCase())) kept += ` ${attribute.whole}`;
  }
  return `<${element}${kept.replace(/[<>]/g, '')}${xhtmlSlash}>`;
}

interface Attribute {
  name: string;
  whole: string;
}

const NAME = /[_a-zA-Z][-_a-zA-Z0-9:.]*/y;
const EQUALS = /[\t\n\v\f\r ]*=[\t\n\v\f\r ]*/y;
const SPACES = /[\t\n\v\f\r ]+/y;
const DOUBLE_QUOTED = /"([^"]*)"/y;
const SINGLE_QUOTED = /'([^']*)'/y;
const UNQUOTED = /[^\t\n\v\f\r "']+/y;

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** How many spaces start at `at`. */
function spacesAt(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i - at;
}

/**
 * wp_kses_hair(): a tag's attribute text as a list of attributes by name (the first of a name wins),
 * each as WordPress writes it back: `name`, `name="value"` (an unquoted value gets double quotes) or
 * `name='value'`, URL values through wp_kses_bad_protocol(). Malformed parts are skipped as
 * wp_kses_html_error() skips them.
 */
function ksesHair(text: string): Map<string, Attribute> {
  const found = new Map<string, Attribute>();
  let mode = 0;
  let name = '';
  let at = 0;
  const add = (whole: string) => {
    if (!found.has(name)) found.set(name, { name, whole });
  };
  while (at < text.length) {
    let working = false;
    if (mode === 0) {
      const m = stickyMatch(NAME, text, at);
      if (m) {
        name = m[0];
        at += m[0].length;
        working = true;
        mode = 1;
      }
    } else if (mode === 1) {
      const equals = stickyMatch(EQUALS, text, at);
      if (equals) {
        at += equals[0].length;
        working = true;
        mode = 2;
      } else {
        const spaces = spacesAt(text, at);
        if (spaces > 0) {
          add(name); // valueless
          at += spaces;
          working = true;
          mode = 0;
        }
      }
    } else {
      // "value" or 'value' followed by spaces, or by an optional '/' at the end; a bare value likewise.
      // WordPress then removes the value with a pattern without the '/': after `"x"/` nothing is
      // removed, and the next round treats `"x"/` as malformed.
      const quote = text.charCodeAt(at);
      const quoted = quote === 0x22 ? stickyMatch(DOUBLE_QUOTED, text, at) : quote === 0x27 ? stickyMatch(SINGLE_QUOTED, text, at) : null;
      const value = quoted ?? (quote === 0x22 || quote === 0x27 ? null : stickyMatch(UNQUOTED, text, at));
      if (value) {
        const after = at + value[0].length;
        const spaces = spacesAt(text, after);
        const slashEnd = text.charCodeAt(after) === 0x2f && atEnd(text, after + 1);
        if (spaces > 0 || slashEnd || atEnd(text, after)) {
          const raw = quoted ? value[1]! : value[0];
          const clean = URI_ATTRIBUTES.has(name.toLowerCase()) ? ksesBadProtocol(raw) : raw;
          add(quote === 0x27 ? `${name}='${clean}'` : `${name}="${clean}"`);
          working = true;
          mode = 0;
          // The removal: the value and its spaces, or the value at the end (PCRE's `$`: a final line feed stays).
          if (spaces > 0) at = after + spaces;
          else if (after === text.length) at = after;
          else if (!slashEnd) at = after; // before a final line feed
        }
      }
    }
    if (!working) {
      at = afterHtmlError(text, at);
      mode = 0;
    }
  }
  if (mode === 1) add(name); // a valueless attribute at the end
  return found;
}

/** wp_kses_html_error(): skips quoted strings (closed or to the end) and other non-space characters, then spaces. */
function afterHtmlError(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    if (unit === 0x22 || unit === 0x27) {
      const close = text.indexOf(unit === 0x22 ? '"' : "'", i + 1);
      i = close === -1 ? text.length : close + 1;
    } else if (!isSpace(unit)) i++;
    else break;
  }
  return i + spacesAt(text, i);
}

/** PHP's chr(): the byte of a code modulo 256 (as a Latin-1 unit; only ASCII letters matter to the caller). */
function phpChr(code: number): string {
  return String.fromCharCode(((code % 256) + 256) % 256);
}

/** wp_kses_bad_protocol_once2(): the scheme followed by ':' when allowed, '' otherwise. */
function allowedScheme(scheme: string): string {
  const clean = ksesNoNull(
    scheme
      // wp_kses_decode_entities(): numeric entities as PHP's chr() of them.
      .replace(/&#([0-9]+);/g, (_m, n: string) => phpChr(Number(n)))
      .replace(/&#[Xx]([0-9A-Fa-f]+);/g, (_m, n: string) => phpChr(parseInt(n, 16)))
      .replace(/[\t\n\v\f\r ]/g, ''),
    true,
  ).replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  return ALLOWED_PROTOCOLS.includes(clean) ? `${clean}:` : '';
}

/** wp_kses_bad_protocol_once(). */
function badProtocolOnce(text: string, count: number): string {
  const marked = text.replace(/(&#0*58(?![;0-9])|&#x0*3a(?![;a-f0-9]))/gi, '$1;');
  const split = /:|&#0*58;|&#x0*3a;|&colon;/i.exec(marked);
  if (!split) return marked;
  const head = marked.slice(0, split.index);
  if (head.includes('/?')) return marked;
  let tail = phpTrim(marked.slice(split.index + split[0].length));
  const protocol = allowedScheme(head);
  if (protocol === 'feed:') {
    if (count > 2) return '';
    tail = badProtocolOnce(tail, count + 1);
    if (phpEmptyString(tail)) return tail;
  }
  return protocol + tail;
}

/**
 * wp_kses_bad_protocol(): a URL with every scheme WordPress does not allow removed (`javascript:x`
 * is `x`), '' when removing does not settle in six rounds. http:// and https:// URLs as they are.
 */
export function ksesBadProtocol(url: string): string {
  let current = ksesNoNull(url, true);
  if (current.startsWith('https://') || current.startsWith('http://')) return current;
  for (let i = 0; i < 6; i++) {
    const next = badProtocolOnce(current, 1);
    if (next === current) return current;
    current = next;
  }
  return '';
}
