import fc from 'fast-check';
import { percentOctetSteps } from '../core/wordpress/titles';
import { escHtml, finishTitle, phpStripTags, phpString, removeAccents, sanitizeTextField, sanitizeTitle, sanitizeTitleWithDashes, sanitizeTitleWithDashesFull, stripslashes, TITLE_HEAD, utf8UriEncode } from '../core/wordpress/formatting';
import { nonceTick, wpCreateNonce, wpVerifyNonce } from '../core/wordpress/nonces';
import { sizeFormat, uniqid } from '../wp-json/everest-backup/v1/backup';
import { generateSecrets } from '../core/secrets';

// Expected values were produced by WordPress 6.8's own formatting.php (php CLI over the wp-oracle's tree).
describe('sanitize_text_field', () => {
  it.each([
    ['Test action', 'Test action'],
    ['  padded  ', 'padded'],
    ['line1\nline2\r\n\tline3', 'line1 line2 line3'],
    ['a    b', 'a b'],
    ['<b>bold</b> text', 'bold text'],
    ['<script>alert(1)</script>Hi', 'Hi'],
    ['<style>p{}</style>Styled', 'Styled'],
    ['a < b', 'a &lt; b'],
    ['x%41y', 'xy'],
    ['x %41 y', 'x y'],
    ['%4', '%4'],
    ['<!-- note -->kept', 'kept'],
    ['<a href="x>y">link</a>', 'link'],
    ['unclosed <b', 'unclosed &lt;b'],
    ['<!-->kept', 'kept'],
    ['a<!--->b', 'ab'],
    ['<i <b>x', '&lt;i x'],
  ])('%j → %j', (input, output) => {
    expect(sanitizeTextField(input)).toBe(output);
  });

  it('turns arrays and objects into an empty string and scalars into their PHP string', () => {
    expect(sanitizeTextField(['a'])).toBe('');
    expect(sanitizeTextField({ a: 1 })).toBe('');
    expect(sanitizeTextField(42)).toBe('42');
    expect(sanitizeTextField(true)).toBe('1');
    expect(sanitizeTextField(false)).toBe('');
    expect(sanitizeTextField(null)).toBe('');
    expect(phpString(1.5)).toBe('1.5');
    expect(phpString(1e25)).toBe('1.0E+25');
  });
});

describe('esc_html and strip_tags', () => {
  // esc_html() normalises the entities it keeps (wp_kses_normalize_entities, then htmlspecialchars without double encoding).
  it.each([
    ['&#39;', '&#039;'],
    ['&#9;', '&#009;'],
    ['&#X41;', '&#x41;'],
    ['&nbsp;', '&nbsp;'],
    ['&apos;', '&amp;apos;'],
    ['&foo;', '&amp;foo;'],
    ['&#0;', '&amp;#0;'],
    ['&#x110000;', '&amp;#x110000;'],
    ['&#1234567;', '&amp;#1234567;'],
    ['a & b &amp; c', 'a &amp; b &amp; c'],
  ])('esc_html %j → %j', (input, output) => {
    expect(escHtml(input)).toBe(output);
  });

  // PHP's state machine: NUL dropped everywhere, '>' inside quotes still closes a nested '<', PHP code ends at '?>' outside double quotes and parentheses.
  it.each([
    ['a\0b', 'ab'],
    ["<<a title='>'>x", 'x'],
    ['<?php echo "?>"; ?>after', 'after'],
    ["<?php f(')' ?> (?>) ?>after", ''],
    ["<?php echo '\\'?>'; ?>after", 'after'],
    ['<?xml version="1.0"?>x', 'x'],
    ['<?xml a="-->" b -> c>d', ''],
    ['<!DOCTYPE html>x', 'x'],
    ['<! x=">" >y', 'y'],
    ['<a<!-- c -->>b>c', 'b>c'],
  ])('strip_tags %j → %j', (input, output) => {
    expect(phpStripTags(input)).toBe(output);
  });
});

describe('wp_unslash (stripslashes)', () => {
  it('removes one level of backslashes', () => {
    expect(stripslashes("O\\'Reilly")).toBe("O'Reilly");
    expect(stripslashes('a\\\\b')).toBe('a\\b');
    expect(stripslashes('a\\b')).toBe('ab');
    expect(stripslashes('end\\')).toBe('end');
  });
});

describe('sanitize_title', () => {
  it.each([
    ['Test action', 'test-action'],
    ['test-action-admin-1709287200', 'test-action-admin-1709287200'],
    ['Héllo Wörld', 'hello-world'],
    ['Café & Crème', 'cafe-creme'],
    ['This is a "test" / slash', 'this-is-a-test-slash'],
    ['a.b.c', 'a-b-c'],
    ['100%', '100'],
    ['50%25 off', '50%25-off'],
    ['em—dash', 'em-dash'],
    ['“quoted”', 'quoted'],
    ['Æther ß', 'aether-s'],
    ['日本語', '%e6%97%a5%e6%9c%ac%e8%aa%9e'],
    ['<b>Tag</b> name', 'tag-name'],
    ['--trim--', 'trim'],
    ['under_score', 'under_score'],
    ['!!!', ''],
    ['Ə ǝ ƒ ȧ Ș', 'e-e-%c6%92-%c8%a7-s'],
    // WordPress restores '---xx---' to an octet whether it made it from '%xx' or it was there.
    ['a---41---b', 'a%41b'],
    ['A---4F---B', 'a%4fb'],
    ['x---4g---y', 'x-4g-y'],
    // Its '&.+?;' is PCRE's: '.' takes a carriage return (not a line feed). A word-final 'Σ' is 'σ' (PHP 8.2's mb_strtolower).
    ['x&amp\r;y', 'xy'],
    ['x&a\nb;y', 'xaby'],
    ['ΑΣ', '%ce%b1%cf%83'],
  ])('%j → %j', (input, output) => {
    expect(sanitizeTitle(input)).toBe(output);
  });

  it('cuts the encoded form at 200 characters without splitting a character', () => {
    expect(utf8UriEncode('é'.repeat(100), 200)).toBe('%c3%a9'.repeat(33));
    expect(utf8UriEncode('a'.repeat(250), 200)).toHaveLength(200);
  });

  it('the short path for plain ASCII titles gives what every step gives, on 20,000 random titles', () => {
    // Printable ASCII plus whitespace and control characters; %, & and < included so both paths are taken.
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 260 });
    fc.assert(
      fc.property(ascii, (title) => sanitizeTitleWithDashes(title) === sanitizeTitleWithDashesFull(title)),
      { numRuns: 20_000, seed: 20261123 },
    );
    // Runs of what the steps look for ('---xx---', '%xx', entities, tags), which random ASCII rarely spells.
    const piece = fc.constantFrom('-', '---', '4', 'f', 'G', '%', '&', ';', 'lt', '<', '>', 'a', ' ', '.', '/');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }).map((p) => p.join('')), (title) => sanitizeTitleWithDashes(title) === sanitizeTitleWithDashesFull(title)),
      { numRuns: 20_000, seed: 20261205 },
    );
    // And the titles the everest route builds: "<action>-<login>-<unix time>", cut at 200.
    for (const title of ['Bench action-admin-1763900000', 'A/B.C_d e-admin-1', `${'x'.repeat(199)}.-admin-1`, ' - . / -']) {
      expect(sanitizeTitleWithDashes(title)).toBe(sanitizeTitleWithDashesFull(title));
    }
  });

  it("the last steps in one pass give what WordPress's four preg_replace calls give, on 20,000 random strings", () => {
    // sanitize_title_with_dashes()'s last four steps, as formatting.php writes them.
    const fourReplaces = (title: string) => title.replace(/[^%a-z0-9 _-]/g, '').replace(/\s+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
    // What reaches them: lower-case ASCII, spaces, '-', '_', '%', plus anything else (dropped).
    const unit = fc.constantFrom(...'ab z09_-%  --\t\n.!A\u00a0é'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (title) => finishTitle(title) === fourReplaces(title)),
      { numRuns: 20_000, seed: 20261205 },
    );
    for (const title of ['', '-', ' - ', 'bench action-admin-1764900000', '-a--b  c-', '%%_%', 'a\tb']) expect(finishTitle(title)).toBe(fourReplaces(title));
  });

  it("turns '%xx' into '---xx---', drops other '%', then '---xx---' into '%xx', as WordPress's three calls do, in two scans", () => {
    const threeCalls = (t: string) => t.replace(/%([a-fA-F0-9][a-fA-F0-9])/g, '---$1---').replaceAll('%', '').replace(/---([a-fA-F0-9][a-fA-F0-9])---/g, '%$1');
    const pieces = ['%', '%4', '%41', '%g', '4', 'f', 'F', 'g', '-', '--', '---', '---4f---', 'a', ' '];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')), (t) => percentOctetSteps(t) === threeCalls(t)), { numRuns: 5_000, seed: 20261205 });
    for (const t of ['-%41--', '%41%42', '%%41', '%4%41', '---41------42---', '%2', '%']) expect(percentOctetSteps(t)).toBe(threeCalls(t));
  });

  it('reads only the head of a long title when the rest cannot change the result, on 3,000 random long titles', () => {
    // Every step on the whole title, as WordPress runs it.
    const whole = (title: string) => sanitizeTitleWithDashes(removeAccents(title));
    // Runs of one character, long enough to fill or cross the head: what deletes (tags, NUL, '%',
    // '£'), what shrinks (combining marks, surrogate pairs, Hangul jamo, '---41---'), a 'Σ' before
    // case-ignorable "'" (lower-cased alike wherever it ends), entities, and plain letters.
    const pieces = ['a', 'Z', '-', ' ', '%', '%41', '%25', '%4', '%g1', '---41---', '£', '\0', 'Σ', "'", 'e\u0301', '\u1100\u1161\u11a8', '😀', '&lt;', '<', '>', '<b>', 'é', 'İ', 'ß'];
    const run = fc.record({ piece: fc.constantFrom(...pieces), times: fc.integer({ min: 1, max: TITLE_HEAD }) }).map(({ piece, times }) => piece.repeat(times));
    const title = fc.array(run, { minLength: 1, maxLength: 6 }).map((runs) => runs.join(''));
    fc.assert(fc.property(title, (t) => sanitizeTitle(t) === whole(t)), { numRuns: 3_000, seed: 20261205 });
    // And a title given as two parts, as the everest route gives "<action>" and "-<login>-<time>".
    fc.assert(fc.property(title, title, (a, b) => sanitizeTitle(a, b) === whole(a + b)), { numRuns: 1_000, seed: 20261206 });
    // Each reason to read the whole title, with what reading only the head would have got wrong.
    const cases = [
      ['%'.repeat(TITLE_HEAD) + 'zzz', 'zzz'],
      ['£'.repeat(TITLE_HEAD) + 'after', 'after'],
      ['<i title="' + 'x'.repeat(TITLE_HEAD) + '">after', 'after'],
      ['\0'.repeat(TITLE_HEAD) + 'zzz', 'zzz'],
    ];
    for (const [input, start] of cases) {
      expect(sanitizeTitle(input!)).toBe(whole(input!));
      expect(sanitizeTitle(input!).startsWith(start!)).toBe(true);
    }
    // '%xx' deletes nothing: a megabyte of it reads only the head, a lone '%' at the head's end the whole title.
    const percents = '%25'.repeat(1 << 18);
    expect(sanitizeTitle(percents)).toBe(whole(percents));
    const loneAtEnd = 'a'.repeat(TITLE_HEAD - 1) + '%' + 'zz';
    expect(sanitizeTitle(loneAtEnd)).toBe(whole(loneAtEnd));
    const tagInThen = '<i title="' + 'x'.repeat(TITLE_HEAD) + '">after';
    expect(sanitizeTitle('a', tagInThen)).toBe(whole('a' + tagInThen));
    expect(sanitizeTitle('a', tagInThen)).toBe('aafter');
    expect(sanitizeTitle('&lt;'.repeat(1 << 20), '-admin-1')).toBe('');
  });

  it('leaves scripts other than Latin to the percent-encoding', () => {
    expect(removeAccents('Привет')).toBe('Привет');
    expect(removeAccents('Ångström')).toBe('Angstrom');
  });
});

describe('WordPress nonces', () => {
  const secrets = generateSecrets();
  const t0 = 43200 * 40000 - 100; // inside tick 40000

  it('ticks every 12 hours: ceil(time / 43200)', () => {
    expect(nonceTick(43200)).toBe(1);
    expect(nonceTick(43201)).toBe(2);
  });

  it('verifies 1 in the same tick, 2 in the next, false after, and only for the same user and action', () => {
    const nonce = wpCreateNonce(secrets, t0, 'the-hash', 7);
    expect(nonce).toMatch(/^[0-9a-f]{10}$/);
    expect(wpVerifyNonce(secrets, t0, nonce, 'the-hash', 7)).toBe(1);
    expect(wpVerifyNonce(secrets, t0 + 43200, nonce, 'the-hash', 7)).toBe(2);
    expect(wpVerifyNonce(secrets, t0 + 86400, nonce, 'the-hash', 7)).toBe(false);
    expect(wpVerifyNonce(secrets, t0, nonce, 'the-hash', 8)).toBe(false);
    expect(wpVerifyNonce(secrets, t0, nonce, 'other-hash', 7)).toBe(false);
    expect(wpVerifyNonce(secrets, t0, '', 'the-hash', 7)).toBe(false);
  });

  it('depends on the site secrets', () => {
    const other = generateSecrets();
    expect(wpCreateNonce(other, t0, 'the-hash', 7)).not.toBe(wpCreateNonce(secrets, t0, 'the-hash', 7));
  });
});

describe('simulated backup helpers', () => {
  it("uniqid matches PHP's format (the documented example's file name)", () => {
    expect(uniqid(1685967102_000)).toBe('647dd0fe00000');
    expect(uniqid(1685967102_500)).toBe('647dd0fe7a120');
  });

  it('formats sizes with two decimals', () => {
    expect(sizeFormat(28)).toBe('28.00 B');
    expect(sizeFormat(12_950_000)).toBe('12.35 MB');
  });
});
