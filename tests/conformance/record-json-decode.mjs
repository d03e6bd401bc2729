#!/usr/bin/env node
// Records what PHP's json_decode($body, true) reports (json_last_error) for a fixed set of request
// bodies, as WP_REST_Request::get_json_params() decodes a JSON body, into json-decode-8.2.json; the
// emulator's decoder (core/rest/json.ts, decodeJsonBody) is compared with it without PHP
// (core/rest/json.test.ts). Plain Node 20 ESM, no dependencies; needs the wp-oracle's PHP CLI (the
// `php` on PATH that `wp-oracle install` set up); no WordPress site or server is needed.
//
//   node tests/conformance/record-json-decode.mjs [--out FILE]
//
// The bodies: hand-picked cases (each of PHP's error codes, and which comes first when a body has
// several problems) and bodies from a seeded generator, so two runs with the same PHP give the same file.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { opt } from './recorder-options.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(opt('--out', path.join(HERE, 'json-decode-8.2.json')));

const b = (...parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const nest = (n, inner = '') => '['.repeat(n) + inner + ']'.repeat(n);

/** [name, body] */
const NAMED = [
  ['object', b('{"name":"x","n":1.5e3,"ok":true,"list":[null,false,-0]}')],
  ['scalar', b('"text"')],
  ['empty', b('')],
  ['whitespace-only', b(' \t\r\n')],
  ['unterminated-string', b('{"a":"b')],
  ['unterminated-after-backslash', b('{"a":"b\\')],
  ['control-character-in-string', b('{"a":"b', [1], 'c"}')],
  ['tab-in-string', b('{"a":"b\tc"}')],
  ['control-character-outside', b([1], '{}')],
  ['form-feed-outside', b('\f{}')],
  ['nul-outside', b([0], '{}')],
  ['delete-outside', b([0x7f], '{}')],
  ['malformed-utf8-outside', b([0xff], '{}')],
  ['malformed-utf8-in-string', b('{"a":"', [0xff], '"}')],
  ['overlong-utf8', b('"', [0xc0, 0xaf], '"')],
  ['utf8-surrogate', b('"', [0xed, 0xa0, 0x80], '"')],
  ['utf8-past-10ffff', b('"', [0xf4, 0x90, 0x80, 0x80], '"')],
  ['utf8-truncated', b('"', [0xe2, 0x82], '"')],
  ['utf8-truncated-at-end', b('"', [0xe2, 0x82])],
  ['utf8-four-bytes', b('"', [0xf0, 0x9f, 0x98, 0x80], '"')],
  ['byte-order-mark', b([0xef, 0xbb, 0xbf], '{}')],
  ['lone-high-surrogate', b('{"a":"\\ud800"}')],
  ['lone-low-surrogate', b('{"a":"\\udc00"}')],
  ['surrogate-pair', b('{"a":"\\ud83d\\ude00"}')],
  ['surrogate-pair-upper-case', b('{"a":"\\uD83D\\uDE00"}')],
  ['high-then-letter-escape', b('"\\ud800\\u0041"')],
  ['high-then-high-low', b('"\\ud800\\ud800\\udc00"')],
  ['low-then-high', b('"\\udc00\\ud800"')],
  ['high-then-short-escape', b('"\\ud800\\u12"')],
  ['surrogate-in-key', b('{"x\\ud800":1}')],
  ['escaped-backslash-then-u', b('{"a":"\\\\ud800"}')],
  ['bad-escape', b('{"a":"\\x"}')],
  ['short-unicode-escape', b('{"a":"\\u12"}')],
  ['non-hex-unicode-escape', b('{"a":"\\u12g4"}')],
  ['escape-of-control-character', b('"\\', [1], '"')],
  ['nul-escape', b('{"\\u0000a":"\\u0000"}')],
  ['noncharacter-escape', b('{"a":"\\uffff"}')],
  ['trailing-comma', b('{"a":1,}')],
  ['array-closed-with-brace', b('[1}')],
  ['object-closed-with-bracket', b('{"a":1]')],
  ['empty-array-closed-with-brace', b('[}')],
  ['empty-object-closed-with-bracket', b('{]')],
  ['comma-then-brace', b('[1,}')],
  ['mismatch-then-control-character', b('[1}', [1])],
  ['single-quotes', b("{'a':1}")],
  ['leading-zero', b('[01]')],
  ['huge-number', b('{"a":1e999}')],
  ['upper-case-true', b('TRUE')],
  ['duplicate-keys', b('{"a":1,"a":2}')],
  ['two-values', b('{} {}')],
  ['syntax-then-malformed-utf8', b('{"a" 1, "b":"', [0xff], '"}')],
  ['syntax-then-control-character', b('{"a" 1, "b":"', [1], '"}')],
  ['syntax-then-surrogate', b('{"a" 1, "b":"\\ud800"}')],
  ['surrogate-then-syntax', b('{"b":"\\ud800" 1}')],
  ['malformed-utf8-then-syntax', b('{"a":"', [0xff], '" 1}')],
  ['number-then-malformed-utf8', b('1', [0xff])],
  ['string-then-control-character', b('"a"', [1])],
  ['key-then-control-character', b('{"a"', [1], '}')],
  ['control-then-malformed-utf8', b('"', [1, 0xff], '"')],
  ['malformed-utf8-then-control', b('"', [0xff, 1], '"')],
  ['levels-511', b(nest(511))],
  ['levels-512', b(nest(512))],
  ['objects-511', b('{"a":'.repeat(511), '1', '}'.repeat(511))],
  ['objects-512', b('{"a":'.repeat(512), '1', '}'.repeat(512))],
  ['object-and-510-arrays', b('{"x":', nest(510), '}')],
  ['object-and-511-arrays', b('{"x":', nest(511), '}')],
  ['levels-600-then-syntax', b('['.repeat(600), 'x')],
  ['syntax-then-levels-600', b('x', '['.repeat(600))],
  ['levels-511-then-malformed-utf8', b('['.repeat(511), '"', [0xff], '"', ']'.repeat(511))],
  ['levels-512-then-malformed-utf8', b('['.repeat(512), '"', [0xff], '"', ']'.repeat(512))],
  ['malformed-utf8-then-levels-512', b('["', [0xff], '",', nest(512), ']')],
];

// Pieces for generated bodies: structure, strings and escapes, numbers and literals (whole and cut
// short), whitespace, control characters, UTF-8 well- and ill-formed, a byte order mark.
const PIECES = [
  '{', '}', '[', ']', ':', ',', '"', '"a"', '"key":', '\\', '\\"', '\\n', '\\u', '\\u0041', '\\ud83d', '\\ude00', '\\ud800', 'd800', 'dc00',
  '0', '1', '-', '.', 'e', '+', '12.5', '-0', '1e5', 'true', 'tru', 'false', 'null', 'nul', ' ', '\t', '\n', '\r',
  [0], [1], [0x0c], [0x1f], [0x7f], [0xff], [0xc3, 0xa9], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbb, 0xbf], 'x', "'",
];
const VALID = ['{"name":"app","app_id":"1"}', '[1,2,[3,{"a":null}]]', '{"a":"\\ud83d\\ude00 caf\\u00e9"}', '"\\u00e9t\\u00e9"', '{"n":-1.5E+3,"t":true,"f":false}'];

/** mulberry32: a small seeded generator, so every run makes the same bodies. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261205);
const pick = (list) => list[Math.floor(rand() * list.length)];
const piece = (p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p));

const GENERATED = [];
for (let k = 0; k < 400; k++) {
  const parts = [];
  const count = 1 + Math.floor(rand() * 10);
  for (let j = 0; j < count; j++) parts.push(piece(pick(PIECES)));
  GENERATED.push([`pieces-${k}`, Buffer.concat(parts)]);
}
for (let k = 0; k < 200; k++) {
  // A valid document with one piece put in, or one byte taken out.
  const doc = Buffer.from(pick(VALID), 'latin1');
  const at = Math.floor(rand() * (doc.length + 1));
  const body = rand() < 0.7 ? Buffer.concat([doc.subarray(0, at), piece(pick(PIECES)), doc.subarray(at)]) : Buffer.concat([doc.subarray(0, at), doc.subarray(at + 1)]);
  GENERATED.push([`mutated-${k}`, body]);
}

const CASES = [...NAMED, ...GENERATED];
const script = `
$in = json_decode(file_get_contents('php://stdin'), true);
$out = [];
foreach ($in as $body) { json_decode(base64_decode($body), true); $out[] = json_last_error(); }
echo json_encode(['php' => PHP_VERSION, 'codes' => $out]);
`;
const raw = execFileSync('php', ['-r', script], { input: JSON.stringify(CASES.map(([, body]) => body.toString('base64'))), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const { php, codes } = JSON.parse(raw);
const cases = CASES.map(([name, body], i) => ({ name, body: body.toString('base64'), code: codes[i] }));
fs.writeFileSync(OUT, JSON.stringify({ php, note: "json_last_error() after json_decode($body, true), as WP_REST_Request::get_json_params() decodes a JSON body; body is base64", cases }, null, 1) + '\n');
const tally = {};
for (const c of cases) tally[c.code] = (tally[c.code] ?? 0) + 1;
process.stdout.write(`PHP ${php}: ${cases.length} bodies → ${path.relative(process.cwd(), OUT)} (codes: ${JSON.stringify(tally)})\n`);
