import fc from 'fast-check';
import { binaryString } from '../arbitraries';
import {
  escHtml,
  ksesNormalizeEntities,
  phpStripTags,
  phpTrim,
  removePercentOctets,
  removeScriptAndStyleElements,
  sanitizeTextField,
  stripslashes,
  wpPreKsesLessThan,
} from '../../core/wordpress/formatting';

/*
 * The one-pass forms in core/wordpress/formatting.ts against the slow forms they replace (the regular
 * expressions and loops WordPress itself runs, as this project had them before issue 21), on random
 * strings made of the characters each step treats specially. The slow forms are quadratic on
 * adversarial input; they are fine for the short strings here.
 */

/**
 * HTML 4.01 entity names: only the ones PIECES can spell (the full list is checked against WordPress
 * in tests/conformance/formatting.test.ts). WordPress's kses list adds `apos`, which htmlspecialchars
 * then encodes.
 */
const HTML401 = new Set(['amp', 'lt', 'gt', 'quot']);
const KSES_NAMES = new Set([...HTML401, 'apos']);
const validUnicode = (i: number) => i === 0x9 || i === 0xa || i === 0xd || (i >= 0x20 && i <= 0xd7ff) || (i >= 0xe000 && i <= 0xfffd) || (i >= 0x10000 && i <= 0x10ffff);

const reference = {
  phpTrim: (text: string) => text.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, ''),
  // wp_kses_normalize_entities(), then htmlspecialchars(ENT_QUOTES, double_encode false), as kses.php and formatting.php write them.
  // wp_kses_normalize_entities() as kses.php writes it: three passes.
  ksesNormalizeEntities: (text: string) =>
    text
      .replace(/&/g, '&amp;')
      .replace(/&amp;([A-Za-z]{2,8}[0-9]{0,2});/g, (_m, name: string) => (KSES_NAMES.has(name) ? `&${name};` : `&amp;${name};`))
      .replace(/&amp;#(0*[0-9]{1,7});/g, (_m, i: string) => (validUnicode(parseInt(i, 10)) ? `&#${i.replace(/^0+/, '').padStart(3, '0')};` : `&amp;#${i};`))
      .replace(/&amp;#[Xx](0*[0-9A-Fa-f]{1,6});/g, (_m, h: string) => (validUnicode(parseInt(h, 16)) ? `&#x${h.replace(/^0+/, '')};` : `&amp;#x${h};`)),
  escHtml: (text: string) => {
    if (!/[&<>"']/.test(text)) return text;
    return reference
      .ksesNormalizeEntities(text)
      .replace(/&(?:([A-Za-z][A-Za-z0-9]*);|#[0-9]+;|#[xX][0-9A-Fa-f]+;)?/g, (m, name?: string) => (m === '&' || (name !== undefined && !HTML401.has(name)) ? `&amp;${m.slice(1)}` : m))
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#039;');
  },
  wpPreKsesLessThan: (text: string) => text.replace(/<[^>]*?((?=<)|>|$)/g, (match) => (match.includes('>') ? match : reference.escHtml(match))),
  scriptAndStyle: (text: string) => text.replace(/<(script|style)[^>]*?>[\s\S]*?<\/\1>/gi, ''),
  stripslashes: (text: string) => text.replace(/\\([\s\S]?)/g, (_m, next: string) => (next === '0' ? '\0' : next)),
  percent: (text: string) => {
    let filtered = text;
    let found = false;
    for (let match = /%[a-f0-9]{2}/i.exec(filtered); match; match = /%[a-f0-9]{2}/i.exec(filtered)) {
      filtered = filtered.split(match[0]).join('');
      found = true;
    }
    return { text: filtered, found };
  },
  sanitizeTextField: (str: string) => {
    let filtered = str;
    if (filtered.includes('<')) {
      filtered = reference.wpPreKsesLessThan(filtered);
      filtered = reference.phpTrim(phpStripTags(reference.scriptAndStyle(filtered)));
      filtered = filtered.split('<\n').join('&lt;\n');
    }
    filtered = filtered.replace(/[\r\n\t ]+/g, ' ');
    filtered = reference.phpTrim(filtered);
    const octets = reference.percent(filtered);
    filtered = octets.text;
    if (octets.found) filtered = reference.phpTrim(filtered.replace(/ +/g, ' '));
    return filtered;
  },
};

/** Pieces each step treats specially, plus plain letters, case variants, non-ASCII and a lone surrogate. */
const PIECES = [
  '%', '%', '4', '1', 'a', 'F', 'f', 'g', '25', '%41', '%4', '<', '>', '/', '<script', '<SCRIPT>', '</script>', '</ScRiPt>', '<style', 'style>', '</style>',
  '"', "'", '&', '#', 'x', 'X', ';', '&amp;', '&amp;#4', '&#12;', '&#x1F;', ' ', '  ', '\t', '\n', '\r', '\0', '\x0B', '-', '!--', '<!--', '-->', '\\', '\\0', '0',
  'é', 'ſ', 'K', '\u0130', '\ud800', '😀', '<\n', 'b',
];
const adversarial = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const runs = { numRuns: 3000 };

describe('WordPress formatting in one pass gives what the slow forms give', () => {
  it('phpTrim', () => fc.assert(fc.property(adversarial, (s) => phpTrim(s) === reference.phpTrim(s)), runs));
  it('escHtml', () => fc.assert(fc.property(adversarial, (s) => escHtml(s) === reference.escHtml(s)), runs));
  it('wp_kses_normalize_entities', () => fc.assert(fc.property(adversarial, (s) => ksesNormalizeEntities(s) === reference.ksesNormalizeEntities(s)), runs));
  it('wp_pre_kses_less_than', () => fc.assert(fc.property(adversarial, (s) => wpPreKsesLessThan(s) === reference.wpPreKsesLessThan(s)), runs));
  it('script and style elements removed', () => fc.assert(fc.property(adversarial, (s) => removeScriptAndStyleElements(s) === reference.scriptAndStyle(s)), runs));
  it('stripslashes', () => fc.assert(fc.property(adversarial, (s) => stripslashes(s) === reference.stripslashes(s)), runs));
  it('the %xx loop', () => fc.assert(fc.property(adversarial, (s) => {
    const fast = removePercentOctets(s);
    const slow = reference.percent(s);
    return fast.text === slow.text && fast.found === slow.found;
  }), runs));
  it('sanitize_text_field', () => fc.assert(fc.property(adversarial, (s) => sanitizeTextField(s) === reference.sanitizeTextField(s)), runs));
  it('sanitize_text_field on any string', () => fc.assert(fc.property(binaryString({ maxLength: 60 }), (s) => sanitizeTextField(s) === reference.sanitizeTextField(s)), runs));

  it.each([
    ['nested %xx', 'a%%%414141b', 'ab'],
    ['%25 nested', '%%%25252541', '41'],
    ['%% then hex', '%%%4141a', '%a'],
    ['an unclosed script, then a closed one', '<script>a<script>b</script>c', 'c'],
    ['style closed by upper case', 'x<style a>p{}</STYLE>y', 'xy'],
    ['a script closed by a style end', 'x<script>a</style>y', 'xay'],
    ['a lone < between words', 'a < b', 'a &lt; b'],
    ['NUL runs inside', 'a\0\0\0b', 'a\0\0\0b'],
  ])('%s', (_name, input, output) => {
    expect(sanitizeTextField(input)).toBe(output);
    expect(reference.sanitizeTextField(input)).toBe(output);
  });
});
