// PHP's strip_tags(), on its own so formatting.ts and titles.ts both use it.

const LT = 0x3c;
const GT = 0x3e;
const NUL = 0;

/** C's isspace() in the C locale: space, \t, \n, \v, \f, \r. */
function isSpace(unit: number): boolean {
  return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
}

/** 'doctyp', the letters before the 'e' that makes `<!DOCTYPE` a tag (any case). */
const DOCTYP = [...'doctyp'].map((ch) => ch.charCodeAt(0));

function isLetter(unit: number, lower: number): boolean {
  return (unit | 0x20) === lower;
}

/**
 * PHP's strip_tags() without allowed tags, as its state machine reads the text (PHP 8.2,
 * php_strip_tags_ex): text (state 0) is kept but for NUL characters, which go in every state; `<`
 * followed by whitespace is text; a tag (1) ends at a `>` outside quotes once every `<` opened inside
 * it has had its `>` (which counts even inside quotes); `<?` opens PHP code (2), ended by `?>` outside
 * double quotes and parentheses (`<?xml` is a tag instead); `<!` (3) ends at the next `>` outside
 * quotes, and `<!--` is a comment (4) ended by `-->`; an unclosed anything swallows the rest. UTF-16
 * units stand in for PHP's bytes: every character the machine looks at is ASCII, and no byte of a
 * multi-byte UTF-8 character is.
 */
export function phpStripTags(text: string): string {
  if (!text.includes('<')) return text.includes('\0') ? text.replaceAll('\0', '') : text;
  const at = (i: number): number => (i >= 0 && i < text.length ? text.charCodeAt(i) : NUL);
  const end = text.length;
  let out = '';
  let kept = 0; // text[kept..p) is text not yet copied to out
  let state = 0;
  let depth = 0;
  let inQuote = 0;
  let last = 0; // PHP's lc: in PHP code, the open quote or the last parenthesis
  let parens = 0; // PHP's br
  let xml = false;
  let p = 0;
  // Text and tags are skipped to the next character the machine acts on: in text a '<' (unless a
  // NUL or a nested tag's pending '>' makes every character count), in a tag '<', '>', a quote, and
  // '!' or '?' (which act only right after a '<').
  const nulFree = !text.includes('\0');
  const inTag = /[<>"'!?]/g;
  for (; p < end; p++) {
    if (state === 0 && nulFree && depth === 0) {
      const next = text.indexOf('<', p);
      if (next === -1) {
        p = end;
        break;
      }
      p = next;
    } else if (state === 1) {
      inTag.lastIndex = p;
      const next = inTag.exec(text);
      if (next === null) {
        p = end;
        break;
      }
      p = next.index;
    }
    const c = text.charCodeAt(p);
    switch (state) {
      case 0:
        if (c === NUL || (c === GT && depth)) {
          // A '<' counted in a tag that a comment then ended leaves its '>' to swallow here.
          if (c === GT) depth--;
          out += text.slice(kept, p);
          kept = p + 1;
        } else if (c === LT && !isSpace(at(p + 1))) {
          out += text.slice(kept, p);
          last = LT;
          state = 1;
        }
        break;
      case 1:
        if (c === LT) {
          if (!inQuote && !isSpace(at(p + 1))) depth++;
        } else if (c === GT) {
          if (depth) depth--;
          else if (!inQuote) {
            last = GT;
            if (xml && at(p - 1) === 0x2d) break;
            inQuote = 0;
            xml = false;
            state = 0;
            kept = p + 1;
          }
        } else if (c === 0x22 || c === 0x27) {
          if (!inQuote || c === inQuote) inQuote = inQuote ? 0 : c;
        } else if (c === 0x21 && at(p - 1) === LT) {
          state = 3;
          last = c;
        } else if (c === 0x3f && at(p - 1) === LT) {
          parens = 0;
          state = 2;
        }
        break;
      case 2:
        if (c === 0x28 || c === 0x29) {
          if (last !== 0x22 && last !== 0x27) {
            last = c;
            parens += c === 0x28 ? 1 : -1;
          }
        } else if (c === GT) {
          if (depth) depth--;
          else if (!inQuote && !parens && last !== 0x22 && at(p - 1) === 0x3f) {
            inQuote = 0;
            state = 0;
            kept = p + 1;
          }
        } else if ((c === 0x22 || c === 0x27) && at(p - 1) !== 0x5c) {
          // In PHP code a quote after a backslash is escaped: it neither opens nor closes.
          if (last === c) last = 0;
          else if (last !== 0x5c) last = c;
          if (!inQuote || c === inQuote) inQuote = inQuote ? 0 : c;
        } else if (isLetter(c, 0x6c) && p > 4 && isLetter(at(p - 1), 0x6d) && isLetter(at(p - 2), 0x78) && at(p - 3) === 0x3f && at(p - 4) === LT) {
          state = 1; // <?xml
          xml = true;
        }
        break;
      case 3:
        if (c === GT) {
          if (depth) depth--;
          else if (!inQuote) {
            inQuote = 0;
            state = 0;
            kept = p + 1;
          }
        } else if (c === 0x22 || c === 0x27) {
          if (at(p - 1) !== 0x5c && (!inQuote || c === inQuote)) inQuote = inQuote ? 0 : c;
        } else if (c === 0x2d && at(p - 1) === 0x2d && at(p - 2) === 0x21) {
          state = 4;
        } else if (isLetter(c, 0x65) && p > 6 && DOCTYP.every((lower, k) => isLetter(at(p - 6 + k), lower))) {
          state = 1; // <!DOCTYPE
        }
        break;
      default:
        if (c === GT && !inQuote && at(p - 1) === 0x2d && at(p - 2) === 0x2d) {
          inQuote = 0;
          state = 0;
          kept = p + 1;
        }
    }
  }
  if (state === 0) out += text.slice(kept, p);
  return out;
}
