/**
 * WordPress formatting functions any namespace (plugin) may use, re-written in TypeScript from
 * WordPress 6.8's wp-includes/formatting.php: wp_unslash (stripslashes), sanitize_text_field and
 * sanitize_title (remove_accents + sanitize_title_with_dashes, 'save' context).
 * PHP works on bytes; these work on JavaScript strings and give the same result for valid UTF-8.
 */
import { hasInvalidBytes } from '../php-bytes';
import { CodeUnits } from './code-units';
import { phpStripTags } from './strip-tags';
import { removeAccents } from './titles';

export { phpStripTags } from './strip-tags';
export { finishTitle, removeAccents, sanitizeTitle, TITLE_HEAD, sanitizeTitleWithDashes, sanitizeTitleWithDashesFull, utf8UriEncode } from './titles';

/*
 * Every function here runs in time linear in its input: one request must not stall the event loop
 * for everyone (issue 21). Where WordPress's own way (a regular expression, a loop that rescans the
 * string) would be quadratic here, the same result is computed in one pass; the slow forms are kept
 * as reference implementations in tests/reliability/formatting-linear.test.ts.
 */

/** PHP's trim() characters: space, \t, \n, \r, \0, \x0B. */
function isPhpTrimChar(unit: number): boolean {
  return unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d || unit === 0x00 || unit === 0x0b;
}

/**
 * PHP's trim(), scanning in from both ends (a regular expression `[…]+$` would be quadratic on inner
 * runs); `also`: characters trimmed besides PHP's default ones (is_email's `.` and `-`).
 */
export function phpTrim(text: string, also = ''): string {
  const trimmed = (i: number) => isPhpTrimChar(text.charCodeAt(i)) || (also !== '' && also.includes(text[i]!));
  let start = 0;
  let end = text.length;
  while (start < end && trimmed(start)) start++;
  while (end > start && trimmed(end - 1)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** PHP's empty() for a string: '' and '0'. */
export function phpEmptyString(value: string): boolean {
  return value === '' || value === '0';
}

const PHP_NUMERIC = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/**
 * wp_parse_list() for a string: split at runs of commas and whitespace, empty parts dropped. PCRE's
 * `\s` (no /u flag) is ASCII whitespace only: a no-break or em space stays inside a part.
 */
export function wpParseList(text: string): string[] {
  return text.split(/[ \t\n\r\v\f,]+/).filter((part) => part !== '');
}

/** PHP's is_numeric() for a string: optional leading and trailing whitespace, a sign, digits with a decimal part or an exponent. */
export function phpIsNumeric(text: string): boolean {
  return PHP_NUMERIC.test(text);
}

/**
 * WordPress's absint(): abs((int) $value). A number is cut toward zero; a numeric string is read as
 * PHP reads one (`"1.5"` is 1, `"1e2"` 100, `"-2"` 2), another string by its leading digits; INF
 * and NaN are 0, as PHP casts them.
 */
export function absint(value: unknown): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') n = phpIsNumeric(value) ? Number(value.trim()) : parseInt(value, 10);
  else n = value === true ? 1 : 0;
  return Number.isFinite(n) ? Math.abs(Math.trunc(n)) : 0;
}

/**
 * PHP's wordwrap($text) with its defaults (75 characters, "\n", long words not cut), which WP-CLI's
 * `plugin get` applies to a description: a space becomes a line break where the line would grow past
 * 75; a word longer than that stays whole. Counted in characters (PHP counts bytes: the same for ASCII).
 */
export function phpWordwrap(text: string, width = 75): string {
  const out = text.split('');
  let lastStart = 0;
  let lastSpace = 0;
  for (let current = 0; current < out.length; current++) {
    if (text[current] === '\n') {
      lastStart = lastSpace = current + 1;
    } else if (text[current] === ' ') {
      if (current - lastStart >= width) {
        out[current] = '\n';
        lastStart = current + 1;
      }
      lastSpace = current;
    } else if (current - lastStart >= width && lastStart !== lastSpace) {
      out[lastSpace] = '\n';
      lastStart = lastSpace + 1;
    }
  }
  return out.join('');
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
  // Into a buffer of units: a string joined piece by piece took ~130 ms for 350,000 backslashes.
  const out = new CodeUnits(text.length);
  let kept = 0; // text[kept..] is not yet copied to out
  while (at !== -1) {
    out.text(text, kept, at);
    if (at + 1 === text.length) {
      kept = text.length; // a backslash at the very end goes
      break;
    }
    const next = text.charCodeAt(at + 1);
    out.unit(next === 0x30 ? 0 : next);
    kept = at + 2;
    at = text.indexOf('\\', kept);
  }
  out.text(text, kept);
  return out.toString();
}

/** wp_unslash() for one value: strings lose their slashes, everything else passes through. */
export function wpUnslash(value: unknown): unknown {
  return typeof value === 'string' ? stripslashes(value) : value;
}


function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

function isHexDigit(unit: number): boolean {
  return isDigit(unit) || (unit >= 0x61 && unit <= 0x66) || (unit >= 0x41 && unit <= 0x46);
}

export function isAsciiLetter(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
}

/**
 * The 252 character entity names of HTML 4.01 (W3C HTML 4.01 section 24), case-sensitive: the named
 * entities esc_html() keeps. WordPress's kses list adds `apos`, which htmlspecialchars() then encodes
 * anyway (HTML 4.01 has no `&apos;`), so it is not kept either.
 */
const HTML401_ENTITY_NAMES: ReadonlySet<string> = new Set(
  (
    'quot amp lt gt nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr ' +
    'deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
    'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc ' +
    'Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute ' +
    'THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave ' +
    'iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc ' +
    'uuml yacute thorn yuml OElig oelig Scaron scaron Yuml fnof circ tilde Alpha Beta Gamma Delta ' +
    'Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau Upsilon Phi Chi Psi ' +
    'Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho ' +
    'sigmaf sigma tau upsilon phi chi psi omega thetasym upsih piv ensp emsp thinsp zwnj zwj lrm rlm ' +
    'ndash mdash lsquo rsquo sbquo ldquo rdquo bdquo dagger Dagger bull hellip permil prime Prime ' +
    'lsaquo rsaquo oline frasl euro image weierp real trade alefsym larr uarr rarr darr harr crarr ' +
    'lArr uArr rArr dArr hArr forall part exist empty nabla isin notin ni prod sum minus lowast radic ' +
    'prop infin ang and or cap cup int there4 sim cong asymp ne equiv le ge sub sup nsub sube supe ' +
    'oplus otimes perp sdot lceil rceil lfloor rfloor lang rang loz spades clubs hearts diams'
  ).split(' '),
);

/** valid_unicode(): a code point XML allows (tab, line feed, carriage return, and the rest outside controls, surrogates and U+FFFE/U+FFFF). */
function validUnicode(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * The entity that starts with the `&` at text[at - 1], as esc_html() writes it, and where it ends; null
 * when text[at..to) starts no entity (the `&` is then written `&amp;`). What wp_kses_normalize_entities()
 * then htmlspecialchars() without double encoding give: `&name;` (2 to 8 letters, up to 2 digits) is
 * kept when HTML 4.01 has it, else its `&` is encoded; `&#39;` is written `&#039;` (at least three
 * digits, no more leading zeros) and `&#X0041;` `&#x41;` when the code point is valid_unicode(), else
 * its `&` is encoded.
 */
function entityAt(text: string, at: number, to: number, names: ReadonlySet<string> = HTML401_ENTITY_NAMES): { entity: string | null; end: number } | null {
  let end = at;
  if (end < to && text.charCodeAt(end) === 0x23) {
    end++;
    const hex = end < to && (text.charCodeAt(end) | 0x20) === 0x78;
    if (hex) end++;
    const digits = end;
    while (end < to && (hex ? isHexDigit(text.charCodeAt(end)) : isDigit(text.charCodeAt(end)))) end++;
    if (end === digits || end >= to || text.charCodeAt(end) !== 0x3b) return null;
    let zeros = 0;
    while (digits + zeros < end && text.charCodeAt(digits + zeros) === 0x30) zeros++;
    const length = end - digits - zeros; // significant digits
    // PHP's /0*[0-9]{1,7};/ and /0*[0-9A-Fa-f]{1,6};/: leading zeros, then at most 7 (6) digits.
    if (length > (hex ? 6 : 7)) return null;
    let value = 0;
    for (let i = digits + zeros; i < end; i++) value = value * (hex ? 16 : 10) + (hex ? parseInt(text[i]!, 16) : text.charCodeAt(i) - 0x30);
    const valid = validUnicode(value);
    // Written as WordPress writes it already (the usual case): kept as it is, nothing built.
    const canonical = hex ? zeros === 0 && text.charCodeAt(digits - 1) === 0x78 : length >= 3 ? zeros === 0 : zeros + length === 3;
    if (valid && canonical) return { entity: null, end: end + 1 };
    const run = text.slice(digits, end);
    const significant = run.slice(zeros);
    const entity = hex ? (valid ? `&#x${significant};` : `&amp;#x${run};`) : valid ? `&#${significant.padStart(3, '0')};` : `&amp;#${run};`;
    return { entity, end: end + 1 };
  }
  while (end < to && isAsciiLetter(text.charCodeAt(end))) end++;
  const letters = end - at;
  while (end < to && isDigit(text.charCodeAt(end))) end++;
  if (letters < 2 || letters > 8 || end - at - letters > 2 || end >= to || text.charCodeAt(end) !== 0x3b) return null;
  const name = text.slice(at, end);
  return { entity: names.has(name) ? null : `&amp;${name};`, end: end + 1 };
}

/** An '&' that does not start `&lt;`, `&gt;`, `&quot;`, `&#039;` or `&amp;` (unless a numeric entity follows it): where normalising has something to look at. */
const NOT_A_KEPT_ENTITY = /&(?!lt;|gt;|amp;(?!#(?:[0-9]|[xX][0-9a-fA-F]))|quot;|#039;)/;

/** `$allowedentitynames`: the names wp_kses_normalize_entities() keeps, HTML 4.01's and `apos`. */
const KSES_ENTITY_NAMES: ReadonlySet<string> = new Set([...HTML401_ENTITY_NAMES, 'apos']);

/**
 * `&amp;` (the '&' at text[at - 1]) before a numeric entity: that entity as WordPress writes it (its
 * normalising restores `&amp;` in one pass and reads `&amp;#65;` as `&#65;` in the next: `&#065;`),
 * and where it ends; null when no numeric entity follows.
 */
function entityAfterAmp(text: string, at: number, to: number): { entity: string; end: number } | null {
  if (!text.startsWith('amp;#', at)) return null;
  const numeric = entityAt(text, at + 4, to);
  return numeric === null ? null : { entity: numeric.entity ?? `&${text.slice(at + 4, numeric.end)}`, end: numeric.end };
}

/**
 * wp_kses_normalize_entities() (the 'html' context). WordPress does it in three passes: every `&`
 * written `&amp;`, then `&amp;name;` back to `&name;` for the names of `$allowedentitynames`, then
 * `&amp;#N;` and `&amp;#xH;` back to the entity when valid_unicode() (`&#39;` written `&#039;`,
 * `&#X0041;` `&#x41;`). Here in one pass over the text (entityAt), with the one thing the passes do
 * together: `&amp;#65;` is `&#065;` (the second pass gives `&amp;` back, the third then reads
 * `&amp;#65;`). Into one buffer: a callback per entity cost ~1 µs, 1.5 s for a megabyte of `&lt;`.
 */
export function ksesNormalizeEntities(text: string): string {
  // The first '&' that is not one of the entities esc_html writes (a sanitised text is mostly those): a native search.
  let i = text.search(NOT_A_KEPT_ENTITY);
  if (i === -1) return text;
  let out: CodeUnits | null = null; // made at the first change: text that needs none is returned as it is
  let kept = 0;
  for (; i !== -1; i = text.indexOf('&', i + 1)) {
    const amp = ampAt(text, i, text.length, KSES_ENTITY_NAMES);
    if (amp === PLAIN_AMP || typeof amp !== 'number') {
      out ??= new CodeUnits(text.length + 64);
      out.text(text, kept, i);
      if (amp === PLAIN_AMP) {
        out.bytes(ENTITY_BYTES.amp);
        kept = i + 1;
        continue;
      }
      out.text(amp.entity);
      kept = amp.end;
    }
    i = (typeof amp === 'number' ? amp : amp.end) - 1;
  }
  if (out === null) return text;
  const done: CodeUnits = out;
  done.text(text, kept);
  return done.toString();
}

/** ampAt's answer for an '&' that starts no entity: written `&amp;`. */
const PLAIN_AMP = -1;

/**
 * How entity normalising writes the '&' at text[i] (an entity is read only within `to`; `names`: the
 * named entities kept): PLAIN_AMP when it starts no entity, the end of the entity when it stays as
 * it is written (no allocation: the usual case), or the entity that replaces text[i..end).
 */
function ampAt(text: string, i: number, to: number, names: ReadonlySet<string>): number | { entity: string; end: number } {
  const numeric = entityAfterAmp(text, i + 1, to);
  if (numeric !== null) return numeric;
  // The entities esc_html itself writes (most of what a sanitised text holds), without entityAt.
  const known = keptEntityLength(text, i + 1, to);
  if (known > 0) return i + 1 + known;
  if (!mayStartEntity(text, i + 1)) return PLAIN_AMP;
  const found = entityAt(text, i + 1, to, names);
  if (found === null) return PLAIN_AMP;
  return found.entity === null ? found.end : { entity: found.entity, end: found.end };
}


/** Whether what follows an '&' at text[at - 1] can be an entity: a letter, a digit after '#', or a hex digit after '#x'. */
function mayStartEntity(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (isAsciiLetter(c)) return true;
  if (c !== 0x23) return false;
  const d = text.charCodeAt(at + 1);
  return isDigit(d) || ((d | 0x20) === 0x78 && isHexDigit(text.charCodeAt(at + 2)));
}

/** How many units after an '&' at text[at - 1] spell `lt;`, `gt;`, `amp;`, `quot;` or `#039;` (within `to`), else 0 (ask entityAfterAmp first). */
function keptEntityLength(text: string, at: number, to: number): number {
  const c = text.charCodeAt(at);
  if ((c === 0x6c || c === 0x67) && at + 2 < to && text.charCodeAt(at + 1) === 0x74 && text.charCodeAt(at + 2) === 0x3b) return 3;
  if (c === 0x61 && at + 3 < to && text.startsWith('mp;', at + 1)) return 4;
  if (c === 0x71 && at + 4 < to && text.startsWith('uot;', at + 1)) return 5;
  if (c === 0x23 && at + 4 < to && text.startsWith('039;', at + 1)) return 5;
  return 0;
}

/** The entities esc_html writes, as bytes. */
const ENTITY_BYTES = {
  lt: Buffer.from('&lt;', 'latin1'),
  gt: Buffer.from('&gt;', 'latin1'),
  quot: Buffer.from('&quot;', 'latin1'),
  apos: Buffer.from('&#039;', 'latin1'),
  amp: Buffer.from('&amp;', 'latin1'),
};

/**
 * A CodeUnits big enough for esc_html() of text[from..to): its length plus five units for each
 * character it may turn into an entity, so no megabyte is copied into a bigger one on the way.
 */
function escapedCapacity(text: string, from = 0, to = text.length): number {
  let specials = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x3c || unit === 0x3e || unit === 0x22 || unit === 0x27 || unit === 0x26) specials++;
  }
  return to - from + 5 * specials + 16;
}

/** esc_html() of text[from..to) into `out` (an entity is read only within that range); `quotes`: ENT_QUOTES, else ENT_NOQUOTES. */
function escHtmlInto(out: CodeUnits, text: string, from: number, to: number, quotes = true): void {
  let kept = from;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    let entity: Uint8Array;
    if (unit === 0x3c) entity = ENTITY_BYTES.lt;
    else if (unit === 0x3e) entity = ENTITY_BYTES.gt;
    else if (unit === 0x22 && quotes) entity = ENTITY_BYTES.quot;
    else if (unit === 0x27 && quotes) entity = ENTITY_BYTES.apos;
    else if (unit === 0x26) {
      const amp = ampAt(text, i, to, HTML401_ENTITY_NAMES);
      if (amp === PLAIN_AMP) entity = ENTITY_BYTES.amp;
      else {
        if (typeof amp !== 'number') {
          out.text(text, kept, i);
          out.text(amp.entity);
          kept = amp.end;
        }
        i = (typeof amp === 'number' ? amp : amp.end) - 1; // an entity kept as written is copied with the text around it
        continue;
      }
    } else continue;
    out.text(text, kept, i);
    out.bytes(entity);
    kept = i + 1;
  }
  out.text(text, kept, to);
}

/**
 * esc_html(): `<`, `>`, `"` and `'` encoded; every `&` encoded unless it starts an entity, which is
 * written as WordPress normalises it (entityAt). One pass.
 */
export function escHtml(text: string): string {
  if (hasInvalidBytes(text)) return ''; // wp_check_invalid_utf8(), as esc_html() runs it first
  if (!/[&<>"']/.test(text)) return text;
  const out = new CodeUnits(escapedCapacity(text));
  escHtmlInto(out, text, 0, text.length);
  return out.toString();
}

/** wp_pre_kses_less_than(): a `<` that does not open a complete tag is turned into `&lt;` (HTML-escaped with what follows it). */
export function wpPreKsesLessThan(text: string): string {
  // WordPress: preg_replace_callback('%<[^>]*?((?=<)|>|$)%', ...). Each `<` runs to the next `<` or `>`
  // or the end; a callback and five replaces per `<` made a megabyte of `<` take seconds.
  let i = text.indexOf('<');
  if (i === -1) return text;
  const out = new CodeUnits(escapedCapacity(text));
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
    if (j === i + 1) out.bytes(ENTITY_BYTES.lt);
    else escHtmlInto(out, text, i, j);
    kept = j;
    i = j < text.length ? j : -1;
  }
  if (kept === 0) return text; // every '<' opened a complete tag: nothing changed
  out.text(text, kept);
  return out.toString();
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
  // A byte per unit while the text is Latin-1 (half the memory touched, and a one-byte string out,
  // which the steps after it scan faster); 16 bits from the first unit above 255.
  let stack: Uint8Array | Uint16Array = new Uint8Array(text.length);
  let wide = false;
  let top = 0;
  let found = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 0xff && !wide) {
      const wider = new Uint16Array(text.length);
      wider.set(stack.subarray(0, top));
      stack = wider;
      wide = true;
    }
    stack[top++] = unit;
    if (top >= 3 && stack[top - 3] === 0x25 && isHexDigit(stack[top - 2]!) && isHexDigit(unit)) {
      top -= 3;
      found = true;
    }
  }
  if (!found) return { text, found };
  const out = wide ? Buffer.from(stack.buffer, stack.byteOffset, top * 2).toString('utf16le') : Buffer.from(stack.buffer, stack.byteOffset, top).toString('latin1');
  return { text: out, found };
}

/**
 * sanitize_text_field(): '' for arrays and objects; tags stripped, a lone `<` escaped, line breaks,
 * tabs and runs of spaces collapsed to one space, trimmed, percent-encoded octets removed.
 */
export function sanitizeTextField(value: unknown): string {
  const str = phpString(value);
  // wp_check_invalid_utf8(): a string that is not UTF-8 is refused whole (core/php-bytes.ts).
  if (str === null || hasInvalidBytes(str)) return '';
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

/**
 * is_email(): at least 6 bytes; an '@' after the first character; the part before the first '@' of
 * letters, digits and !#$%&'*+/=?^_`{|}~.- (PCRE's `$` also lets one final line feed through); the
 * rest without '..', not starting or ending with a dot or whitespace, at least two dot-separated
 * parts, each of letters, digits and '-' and not starting or ending with '-' or whitespace.
 */
export function isEmail(email: string): boolean {
  if (Buffer.byteLength(email) < 6) return false;
  const at = email.indexOf('@', 1);
  if (at === -1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!/^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+\n?$/.test(local)) return false;
  if (domain.includes('..')) return false;
  if (phpTrim(domain, '.') !== domain) return false;
  const subs = domain.split('.');
  if (subs.length < 2) return false;
  return subs.every((sub) => phpTrim(sub, '-') === sub && /^[a-z0-9-]+$/i.test(sub));
}

/**
 * sanitize_email(): '' when shorter than 6 bytes or without an '@' after the first character; else the
 * part before the first '@' without the characters is_email() refuses there, and the rest with runs
 * of dots removed, trimmed of whitespace and dots, each dot-separated part trimmed of whitespace and
 * '-' and stripped of all but letters, digits and '-' (empty parts dropped); '' when a step leaves
 * nothing or fewer than two parts.
 */
export function sanitizeEmail(email: string): string {
  if (Buffer.byteLength(email) < 6) return '';
  const at = email.indexOf('@', 1);
  if (at === -1) return '';
  const local = email.slice(0, at).replace(/[^a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]/g, '');
  if (local === '') return '';
  let domain = email.slice(at + 1).replace(/\.{2,}/g, '');
  if (domain === '') return '';
  domain = phpTrim(domain, '.');
  if (domain === '') return '';
  const subs = domain.split('.');
  if (subs.length < 2) return '';
  const kept = subs.map((sub) => phpTrim(sub, '-').replace(/[^a-z0-9-]+/gi, '')).filter((sub) => sub !== '');
  return kept.length < 2 ? '' : `${local}@${kept.join('.')}`;
}

/**
 * sanitize_user(): tags stripped, accents removed, percent-encoded octets and entities removed, with
 * `strict` every character but letters, digits, space and `_.-@` removed, trimmed, runs of
 * whitespace made one space.
 */
export function sanitizeUser(username: string, strict: boolean): string {
  let name = removeAccents(wpStripAllTags(username));
  name = name.replace(/%[a-fA-F0-9][a-fA-F0-9]/g, '').replace(/&[^\n]+?;/g, ''); // PCRE's '.' is anything but \n
  if (strict) name = name.replace(/[^a-z0-9 _.\-@]/gi, '');
  return phpTrim(name).replace(/[ \t\n\x0B\f\r]+/g, ' ');
}

/** addslashes(): a backslash before every quote, backslash and NUL (NUL as `\0`), into a buffer of units (a replace per match took ~200 ms for 350,000 quotes). */
export function addslashes(text: string): string {
  if (!/[\\'"\0]/.test(text)) return text;
  const slashed = (unit: number) => unit === 0x5c || unit === 0x27 || unit === 0x22 || unit === 0;
  let specials = 0;
  for (let i = 0; i < text.length; i++) if (slashed(text.charCodeAt(i))) specials++;
  const out = new CodeUnits(text.length + specials);
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (slashed(unit)) {
      out.text(text, kept, i);
      out.unit(0x5c);
      out.unit(unit === 0 ? 0x30 : unit);
      kept = i + 1;
    }
  }
  out.text(text, kept);
  return out.toString();
}

/**
 * _wp_specialchars() with ENT_NOQUOTES and without double encoding: `&`, `<` and `>` encoded, entities
 * normalised and not encoded twice (entityAt), quotes as they are.
 */
export function wpSpecialcharsNoQuotes(text: string): string {
  if (!/[<>]/.test(text) && !NOT_A_KEPT_ENTITY.test(text)) return text; // nothing it would change (esc_html's own entities stay; `&amp;#65;` is `&#065;`)
  const out = new CodeUnits(escapedCapacity(text));
  escHtmlInto(out, text, 0, text.length, false);
  return out.toString();
}

const SPECIALCHARS_DECODED: Readonly<Record<string, string>> = {
  '&#039;': "'",
  '&#x27;': "'",
  '&quot;': '"',
  '&#034;': '"',
  '&#x22;': '"',
  '&lt;': '<',
  '&#060;': '<',
  '&gt;': '>',
  '&#062;': '>',
  '&amp;': '&',
  '&#038;': '&',
  '&#x26;': '&',
};

/**
 * wp_specialchars_decode($text, ENT_QUOTES): the entities of the five characters _wp_specialchars
 * encodes back to those characters, numeric ones with any zero padding and hex ones in either case,
 * in one pass (`&amp;lt;` is `&lt;`). WordPress decodes the site title so before it puts it in a mail.
 */
export function wpSpecialcharsDecode(text: string): string {
  if (!text.includes('&')) return text;
  const padded = text
    .replace(/&#0*39;/g, '&#039;')
    .replace(/&#x0*27;/gi, '&#x27;')
    .replace(/&#0*34;/g, '&#034;')
    .replace(/&#x0*22;/gi, '&#x22;')
    .replace(/&#0*60;/g, '&#060;')
    .replace(/&#0*62;/g, '&#062;')
    .replace(/&#0*38;/g, '&#038;')
    .replace(/&#x0*26;/gi, '&#x26;');
  return padded.replace(/&#039;|&#x27;|&quot;|&#034;|&#x22;|&lt;|&#060;|&gt;|&#062;|&amp;|&#038;|&#x26;/g, (entity) => SPECIALCHARS_DECODED[entity]!);
}
