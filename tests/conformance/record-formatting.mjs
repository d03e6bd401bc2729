#!/usr/bin/env node
// Records what WordPress 6.8's own formatting functions give for a fixed set of generated strings, so
// core/wordpress/ can be compared with them without PHP (tests/conformance/formatting.test.ts), and
// sanitize_url, is_email and the REST schema's string formats for a second set (rest-formats-6.8.json), user
// names and slugs (user-names-6.8.json), and wp_kses with WordPress's small tag lists (kses-6.8.json). Plain
// Node 20 ESM, no dependencies; needs the wp-oracle installed and one of its sites made (its PHP CLI
// loads that site's wp-load.php; no server has to run).
//
//   node tests/conformance/record-formatting.mjs [--wordpress DIR] [--out FILE]
//
// --wordpress: a WordPress tree with a wp-config.php (default: the first wp-oracle site in
// ${WP_ORACLE_HOME:-~/.cache/wp-oracle}/sites/*/wordpress). The inputs come from a seeded generator,
// so two runs against the same WordPress and PHP give the same file.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { opt } from './recorder-options.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function defaultWordPress() {
  const sites = path.join(process.env.WP_ORACLE_HOME ?? path.join(os.homedir(), '.cache', 'wp-oracle'), 'sites');
  const found = (fs.existsSync(sites) ? fs.readdirSync(sites) : []).map((s) => path.join(sites, s, 'wordpress')).find((d) => fs.existsSync(path.join(d, 'wp-config.php')));
  if (!found) throw new Error(`no wp-oracle site in ${sites}: run ../shared/wp-oracle/wp-oracle start once, or give --wordpress DIR`);
  return found;
}

const WORDPRESS = path.resolve(opt('--wordpress', null) ?? defaultWordPress());
const OUT = path.resolve(opt('--out', path.join(HERE, 'formatting-6.8.json')));

/** The functions recorded, by their WordPress names, in the order each case's outputs are kept. */
export const FUNCTIONS = ['sanitize_text_field', 'sanitize_title', 'esc_html', 'wp_strip_all_tags', 'remove_accents', 'strip_tags', 'wp_pre_kses_less_than', 'stripslashes', 'user_name_field'];

// Pieces the functions treat specially: whitespace and controls, tags, comments, entities (valid,
// unknown, zero-padded, out of range), percent octets and '---xx---', quotes, backslashes, accented
// and other non-Latin letters, combining marks, a final 'Σ', NUL.
const PIECES = [
  'a', 'B', ' ', '  ', '\t', '\n', '\r', '\u000b', '\f', '-', '---', '_', '.', '/', '\\', '\\\\', "\\'", '%', '%41', '%2', '%zz', '%e2%80%93', '---4f---',
  '&', '&amp;', '&lt;', '&#39;', '&#0039;', '&#x27;', '&#X41;', '&#0;', '&#65535;', '&#x110000;', '&#1234567;', '&nbsp;', '&mdash;', '&#8211;', '&apos;',
  '&foo;', '&sup2;', '&Amp;', '&amp;#65;', '&amp;#x41;', '&amp;#0;', ';', '<', '>', '< ', '<b>', '</b>', '<script>', '</script>', '<style>', '</style>', '<!--', '-->', '<a href="x">', "<a title='>'>", '<?php', '?>',
  "'", '"', 'é', 'É', 'ß', 'Æ', 'ø', 'Ł', '£', '€', 'ſ', 'ı', 'İ', 'Σ', 'σ', 'ñ', 'e\u0301', '日本', 'Привет', '😀', '\u00a0', '\u2013', '\u2014', '\u201c',
  '\u2019', '\u00ad', '\u200b', '\u00d7', '©', '0', '9', 'f', 'x', '=', '?', '#', '@', '+', '(', ')', '[', ']', '{', '}', '|', '~', '`', '^', '$', '!', ',', ':',
  'Ǎ', 'ǜ', 'Ș', 'ț', 'Ạ', 'ỹ', 'Ə', 'ǝ', 'Ŀ', 'ŉ', 'Ħ', 'Đ', 'Þ', 'ª', 'º', '\u0000', '\u007f', '\u0085', '\u3000',
];

/** `count` strings of 1 to 12 pieces, from a linear congruential generator seeded with `seed`. */
export function inputs(count, seed) {
  return inputsOf(PIECES, count, seed, 12);
}

/** The string formats of rest_validate_value_from_schema() / rest_sanitize_value_from_schema() recorded for the second set. */
export const FORMATS = ['email', 'uri', 'uuid', 'date-time', 'ip', 'hex-color'];

// The second set: pieces of URLs, e-mail addresses, IP addresses, dates and colours, for sanitize_url,
// is_email and the REST schema's string formats.
const FORMAT_PIECES = [
  'http://', 'https://', '//', '/', 'ftp:', 'javascript:', 'JaVaScRiPt:', 'feed:', 'mailto:', 'x:', ':', '::', '@', '@@', 'user', 'h', 'example.com', 'ex_ample',
  '[', ']', '[::1]', ':80', ':8a0', ':65536', ':-1', '?', '#', '&', '&#58;', '&colon;', ';//', '%0d', '%0a', '%20', ' ', '\t', '\n', 'ü', '<', '"', '.', '..', '-',
  '_', '+', '!', 'a', 'Z', '0', '9', '1', '255', '256', '192.168.0.1', 'fe80', 'ffff', '2024-01-01', '2024-13-01', 'T', 't', '12:00:00', '24:59:60', '25:00:00',
  '.123', 'Z', 'z', '+05:00', '+0530', '+24:59', '+25:00', '+99', '#fff', '#ffffff', '#ggg', 'f', '12345678-1234-1234-1234-123456789abc', 'ABC', 'com',
];

/** Inputs random pieces rarely spell: valid and nearly valid addresses, dates, IPs, UUIDs, colours and URLs. */
const CRAFTED = [
  'u1@example.com', 'a.b+c@sub.example.org', "o'neil@example.co.uk", 'a_b@ex_ample.com', 'ü@example.com', 'a@b.c', 'a\n@example.com', '@example.com', 'a@example',
  'a@-example.com', 'a@example-.com', 'a@example..com', 'a@.example.com', 'a@example.com.', 'a@b@example.com', 'abc@example.com\n', 'x@123.45',
  '2024-01-01T12:00:00', '2024-01-01 12:00:00', '2024-01-01t12:00:00Z', '2024-01-01T12:00:00z', '2024-01-01T12:00:00.5+05:00', '2024-01-01T12:00:00+05',
  '2024-01-01T12:00:00+0530', '2024-00-00T00:00:00', '2024-13-01T00:00:00', '2024-01-32T00:00:00', '2024-02-30T00:00:00', '2024-01-01T24:59:60',
  '2024-01-01T25:00:00', '2024-01-01T00:60:00', '2024-01-01T00:00:61', '2024-01-01T00:00:00+24:59', '2024-01-01T00:00:00+25:00', '2024-01-01T00:00:00+99',
  '2024-01-01T00:00:00\n', '1.2.3.4', '255.255.255.255', '256.1.1.1', '01.02.03.004', '1.2.3', '::1', '::', '1::', ':::', '1::2::3', 'fe80::1%eth0',
  '::ffff:1.2.3.4', '1:2:3:4:5:6:1.2.3.4', '::01.2.3.4', 'FFFF::', '00000::1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:8::', '1.2.3.4\n',
  '12345678-1234-1234-1234-123456789abc', '12345678-1234-1234-1234-123456789ABC', '12345678-1234-1234-1234-123456789abc\n', '#fff', '#FFFFFF', '#ffff', '#fff\n',
  'not a url', 'javascript:alert(1)', 'http://example.com/a[b]', 'http://[::1]:8080/x', '/relative/path', '?q=1', 'mailto:a@example.com', 'feed:javascript:x',
  'http://例え.jp/日本', '日本', 'https://example.com/😀?q=ü', '%0a', '%0%0dd', 'mailto:%0a@example.com', '  http://a b.com/ c',
  'https://example.com/?a=1&b=2', 'https://example.com/?a=1&amp;b=2&#38;c', 'http://a.com/<b>x</b>', "http://a.com/it's", 'a&b@example.com', ' c&d@example.com ', '0',
];

/** `count` strings of 1 to `most` pieces of `pieces`, from a linear congruential generator seeded with `seed`. */
export function inputsOf(pieces, count, seed, most) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  const out = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = 1 + Math.floor(next() * most);
    for (let k = 0; k < n; k++) s += pieces[Math.floor(next() * pieces.length)];
    out.push(s);
  }
  return out;
}

/** A PHP script that loads WordPress, reads the inputs from stdin, runs \`before\` once and \`each\` per input \`$s\` (adding to \`$out\`), and prints them as JSON. */
function phpScript(before, each) {
  return `require getenv('WP_LOAD');
$in = json_decode(file_get_contents('php://stdin'), true);
$out = [];${before}
foreach ($in as $s) {${each}}
echo json_encode(['wordpress' => $GLOBALS['wp_version'], 'php' => PHP_VERSION, 'outputs' => $out], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
`;
}

const PHP_FORMATS = phpScript(`
  $formats = json_decode(getenv('FORMATS'), true);
`, `
  $row = [sanitize_url($s), (bool) is_email($s)];
  foreach ($formats as $f) {
    $schema = ['type' => 'string', 'format' => $f];
    $valid = rest_validate_value_from_schema($s, $schema, 'p');
    $row[] = is_wp_error($valid) ? [$valid->get_error_code(), $valid->get_error_message()] : [true, rest_sanitize_value_from_schema($s, $schema, 'p')];
  }
  // What wp_insert_user saves as a user's URL and e-mail address: their pre_user_* filters, on the slashed value (a PHP-empty URL: '').
  $row[] = empty($s) ? '' : wp_unslash(apply_filters('pre_user_url', wp_slash($s)));
  $row[] = wp_unslash(apply_filters('pre_user_email', wp_slash($s)));
  $out[] = $row;
`);

// The third set: user names and slugs (validate_username, sanitize_user, and the nicename the REST API
// and wp_insert_user make of a slug: sanitize_title, then sanitize_user(…, true) and sanitize_title
// again, the login's — here 'admin' — when that is PHP-empty).
const NAME_PIECES = ['a', 'B', 'John', '.', ' ', '  ', '-', '_', '@', 'é', 'Ü', 'ß', '日本', '%41', '%e2%80%93', '&amp;', '<b>', '!', '0', '9', "'", '"', '—', '\u00a0', '\t', 'x'.repeat(30)];
const NAMES_CRAFTED = ['John.Doe  Smith', 'Ünïcode a@b', '日本', '---', '', ' ', '0', '00', 'a  b', ' a', 'a@b.c', 'x'.repeat(60), 'a.b@c-d_e'];

const PHP_NAMES = phpScript('', `
  $slug = sanitize_title($s);
  $nicename = sanitize_title(empty($slug) ? mb_substr('admin', 0, 50) : sanitize_user($slug, true));
  $out[] = [(bool) validate_username($s), sanitize_user($s), sanitize_user($s, true), $nicename];
`);

// The fourth set: wp_kses with WordPress's small tag lists. Tags allowed and not, attributes allowed,
// not allowed, repeated, valueless, quoted three ways and malformed, URL attributes with good and bad
// protocols (entity-encoded colons too), comments, bogus comments (`</1…>`, `<!x…>`), lone '<' and
// '>', slashes, entities, controls, line feeds (PHP's `$` matches before a final one).
const KSES_PIECES = [
  '<a', '<A', '<b>', '</b>', '< b>', '</ b>', '<b/>', '<i >', '<em>', '</em>', '<strong>', '<blockquote', '<q', '<del', '<abbr', '<img', '<script>', '</script>',
  '<p>', '<div', '<a-b', '<1', '</1', '</ ', '<!x', '<!X', '<!', '<!--', '-->', '--', '-', '<', '>', '/', '/>', ' ', '  ', '\t', '\n', '\r',
  'href', 'HREF', 'title', 'rel', 'target', 'cite', 'datetime', 'onclick', 'style', 'data-x', 'x', 'y', '=', ' = ', '"', "'", '\\', '\\"', '\\0',
  '"http://ex.com/"', "'https://ex.com/a?b'", '"javascript:alert(1)"', 'javascript:x', 'JaVaScRiPt:', 'feed:', 'feed:feed:javascript:', 'mailto:a@b', 'x:y', ':',
  '&#58;', '&#058', '&#x3a;', '&#X3A', '&colon;', '&#106;avascript:', '&#360;ttp:', '/?', '&', '&amp;', '&apos;', '&#39;', '&foo;', '&nbsp;', '&#0;',
  '_blank', 'nofollow', 'é', '日本', '0', '\u0000', '\u0001', '\u000b', '\u000c', '\u007f',
  '<a href="', '<a href=', ' href="', '<a title="t" href="', '<a rel="x" target=', '"javascript:alert(1)">', '<a href="javascript:x">', '<q cite="', '">',
  '<!-- ', ' -->', '<!-- x -->', '--->', '<b onclick="y">',
];
const KSES_CRAFTED = [
  '<a href="http://example.com/" title="T" onclick="x()">link</a>', "<a href='javascript:alert(1)'>x</a>", '<a href=javascript:alert(1)>x</a>',
  '<a href="x" href="y">', '<a title="t"/>', '<a title="t" />', '<a title=t/>', '<a title="t"\n', '<a title', '<a title=', '<A HREF="X">', '<a rel="nofollow" target="_blank">',
  '<script>alert(1)</script><b>ok</b>', '<!-- c -->', '<!---->', '<!-- a -- b --->', '<!--<b>x</b>-->', '<!-- x\n', '</1>', '</ a>', '<!doctype html>', '<!DOCTYPE html>',
  'a > b', 'a < b', '<<b>>', '<b <i>>', '<blockquote cite="feed:javascript:x">q</blockquote>', '<q cite="&#106;avascript:x">', '<del datetime="2020-01-01">d</del>',
  '<a href="&#x6A;avascript&#58;x">', '<a href="http&#58;//x">', '<a href="\\0javascript:x">', '<a href=" javascript:x">', '0', '', ' ', 'Tom & "Jerry"',
];

const PHP_KSES = phpScript(`
  function user_name_field($s) { return wp_unslash(apply_filters('pre_user_first_name', wp_slash($s))); }
`, `
  // wp_kses in the 'data' context ($allowedtags); what wp_insert_user saves as a description (PHP-empty: '').
  $out[] = [wp_kses($s, 'data'), empty($s) ? '' : wp_unslash(apply_filters('pre_user_description', wp_slash($s))), user_name_field($s)];
`);

const PHP = phpScript(`
  // What wp_insert_user saves for a display name, first or last name or nickname: its pre_user_* filters on the slashed value.
  function user_name_field($s) { return wp_unslash(apply_filters('pre_user_first_name', wp_slash($s))); }
  $fns = json_decode(getenv('FUNCTIONS'), true);
`, `
  $row = [];
  foreach ($fns as $f) $row[] = $f($s);
  $out[] = $row;
`);

/**
 * Runs \`script\` with PHP on \`strings\` and writes \`file\`: what WordPress and PHP it was, \`fields\`,
 * and each case as [input, ...what the script gave for it].
 */
function record(file, strings, script, env, fields) {
  const raw = execFileSync('php', ['-r', script], {
    input: JSON.stringify(strings),
    env: { ...process.env, WP_LOAD: path.join(WORDPRESS, 'wp-load.php'), ...env },
    maxBuffer: 64 * 2 ** 20,
    encoding: 'utf8',
  });
  const { wordpress, php, outputs } = JSON.parse(raw);
  const cases = strings.map((input, i) => [input, ...outputs[i]]);
  fs.writeFileSync(file, JSON.stringify({ wordpress, php, recordedWith: 'tests/conformance/record-formatting.mjs', ...fields, cases }) + '\n');
  process.stdout.write(`${cases.length} cases, WordPress ${wordpress}, PHP ${php}: ${path.relative(process.cwd(), file)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  record(OUT, inputs(2500, 20261205), PHP, { FUNCTIONS: JSON.stringify(FUNCTIONS) }, { functions: FUNCTIONS });
  record(path.join(path.dirname(OUT), 'rest-formats-6.8.json'), [...CRAFTED, ...inputsOf(FORMAT_PIECES, 1500, 20261206, 7)], PHP_FORMATS, { FORMATS: JSON.stringify(FORMATS) }, {
    columns: ['sanitize_url', 'is_email', ...FORMATS.map((f) => `format ${f}: [true, sanitised] or [code, message]`), 'the URL wp_insert_user saves', 'the e-mail address wp_insert_user saves'],
    formats: FORMATS,
  });
  record(path.join(path.dirname(OUT), 'user-names-6.8.json'), [...NAMES_CRAFTED, ...inputsOf(NAME_PIECES, 1200, 20261207, 5)], PHP_NAMES, {}, {
    columns: ['validate_username', 'sanitize_user', 'sanitize_user strict', "nicename of the slug (login 'admin')"],
  });
  record(path.join(path.dirname(OUT), 'kses-6.8.json'), [...KSES_CRAFTED, ...inputsOf(KSES_PIECES, 3000, 20261208, 12)], PHP_KSES, {}, {
    columns: ["wp_kses($s, 'data')", 'the description wp_insert_user saves', 'a first name as wp_insert_user saves it'],
  });
}
