// PHP's strip_tags(), on its own so formatting.ts and titles.ts both use it.

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
