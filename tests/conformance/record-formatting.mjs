#!/usr/bin/env node
// Records what WordPress 6.8's own formatting functions give for a fixed set of generated strings, so
// core/wordpress/ can be compared with them without PHP (tests/conformance/formatting.test.ts). Plain
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

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
function opt(name, fallback) {
  const i = argv.indexOf(name);
  if (i === -1) return fallback;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

function defaultWordPress() {
  const sites = path.join(process.env.WP_ORACLE_HOME ?? path.join(os.homedir(), '.cache', 'wp-oracle'), 'sites');
  const found = (fs.existsSync(sites) ? fs.readdirSync(sites) : []).map((s) => path.join(sites, s, 'wordpress')).find((d) => fs.existsSync(path.join(d, 'wp-config.php')));
  if (!found) throw new Error(`no wp-oracle site in ${sites}: run ../shared/wp-oracle/wp-oracle start once, or give --wordpress DIR`);
  return found;
}

const WORDPRESS = path.resolve(opt('--wordpress', null) ?? defaultWordPress());
const OUT = path.resolve(opt('--out', path.join(HERE, 'formatting-6.8.json')));

/** The functions recorded, by their WordPress names, in the order each case's outputs are kept. */
export const FUNCTIONS = ['sanitize_text_field', 'sanitize_title', 'esc_html', 'wp_strip_all_tags', 'remove_accents', 'strip_tags', 'wp_pre_kses_less_than', 'stripslashes'];

// Pieces the functions treat specially: whitespace and controls, tags, comments, entities (valid,
// unknown, zero-padded, out of range), percent octets and '---xx---', quotes, backslashes, accented
// and other non-Latin letters, combining marks, a final 'Σ', NUL.
const PIECES = [
  'a', 'B', ' ', '  ', '\t', '\n', '\r', '\u000b', '\f', '-', '---', '_', '.', '/', '\\', '\\\\', "\\'", '%', '%41', '%2', '%zz', '%e2%80%93', '---4f---',
  '&', '&amp;', '&lt;', '&#39;', '&#0039;', '&#x27;', '&#X41;', '&#0;', '&#65535;', '&#x110000;', '&#1234567;', '&nbsp;', '&mdash;', '&#8211;', '&apos;',
  '&foo;', '&sup2;', '&Amp;', ';', '<', '>', '< ', '<b>', '</b>', '<script>', '</script>', '<style>', '</style>', '<!--', '-->', '<a href="x">', "<a title='>'>", '<?php', '?>',
  "'", '"', 'é', 'É', 'ß', 'Æ', 'ø', 'Ł', '£', '€', 'ſ', 'ı', 'İ', 'Σ', 'σ', 'ñ', 'e\u0301', '日本', 'Привет', '😀', '\u00a0', '\u2013', '\u2014', '\u201c',
  '\u2019', '\u00ad', '\u200b', '\u00d7', '©', '0', '9', 'f', 'x', '=', '?', '#', '@', '+', '(', ')', '[', ']', '{', '}', '|', '~', '`', '^', '$', '!', ',', ':',
  'Ǎ', 'ǜ', 'Ș', 'ț', 'Ạ', 'ỹ', 'Ə', 'ǝ', 'Ŀ', 'ŉ', 'Ħ', 'Đ', 'Þ', 'ª', 'º', '\u0000', '\u007f', '\u0085', '\u3000',
];

/** `count` strings of 1 to 12 pieces, from a linear congruential generator seeded with `seed`. */
export function inputs(count, seed) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  const out = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = 1 + Math.floor(next() * 12);
    for (let k = 0; k < n; k++) s += PIECES[Math.floor(next() * PIECES.length)];
    out.push(s);
  }
  return out;
}

const PHP = `
require getenv('WP_LOAD');
$in = json_decode(file_get_contents('php://stdin'), true);
$fns = json_decode(getenv('FUNCTIONS'), true);
$out = [];
foreach ($in as $s) {
  $row = [];
  foreach ($fns as $f) $row[] = $f($s);
  $out[] = $row;
}
echo json_encode(['wordpress' => $GLOBALS['wp_version'], 'php' => PHP_VERSION, 'outputs' => $out], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const strings = inputs(2500, 20261205);
  const raw = execFileSync('php', ['-r', PHP], {
    input: JSON.stringify(strings),
    env: { ...process.env, WP_LOAD: path.join(WORDPRESS, 'wp-load.php'), FUNCTIONS: JSON.stringify(FUNCTIONS) },
    maxBuffer: 64 * 2 ** 20,
    encoding: 'utf8',
  });
  const { wordpress, php, outputs } = JSON.parse(raw);
  const cases = strings.map((input, i) => [input, ...outputs[i]]);
  fs.writeFileSync(OUT, JSON.stringify({ wordpress, php, recordedWith: 'tests/conformance/record-formatting.mjs', functions: FUNCTIONS, cases }, null, 0) + '\n');
  process.stdout.write(`${cases.length} cases, WordPress ${wordpress}, PHP ${php}: ${path.relative(process.cwd(), OUT)}\n`);
}
