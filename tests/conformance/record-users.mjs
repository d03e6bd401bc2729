#!/usr/bin/env node
// Records WordPress 6.8's wp/v2/users collection and item routes from a fresh wp-oracle site into
// recordings/users-6.8.json (the format of README.md), for the replay test. Plain Node 20 ESM.
//
//   ../shared/wp-oracle/wp-oracle start --port 8882          # a fresh site (or: reset)
//   node tests/conformance/record-users.mjs --base http://127.0.0.1:8882
//
// Only cases that do not depend on posts are recorded: the emulator has none, and WordPress shows
// users to those without list_users only as authors of published posts (docs/admin-screens.md).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { opt } from './recorder-options.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BASE = opt('--base', 'http://127.0.0.1:8882').replace(/\/+$/, '');
const OUT = path.join(HERE, 'recordings', 'users-6.8.json');

const b64 = (s) => Buffer.from(s).toString('base64');
const AUTH = {
  anonymous: null,
  admin: `Basic ${b64('admin:AAAA BBBB CCCC DDDD EEEE FFFF')}`,
  alice: `Basic ${b64('alice:GGGG HHHH IIII JJJJ KKKK LLLL')}`,
};
const KEEP = /^(content-type|allow|link|x-robots-tag|x-content-type-options|access-control-.*|vary|expires|cache-control|location|x-wp-total|x-wp-totalpages)$/;

const json = (method, p, auth, body) => ({ method, path: `/wp-json/wp/v2${p}`, auth, body: body === undefined ? null : JSON.stringify(body) });
const batch = (auth, body) => ({ method: 'POST', path: '/wp-json/batch/v1', auth, body: JSON.stringify(body) });

// [name, request, note?]
const CASES = [
  ['users-list-admin', json('GET', '/users', 'admin')],
  ['users-list-admin-edit', json('GET', '/users?context=edit', 'admin')],
  ['users-list-admin-per-page-1', json('GET', '/users?per_page=1', 'admin')],
  ['users-list-admin-page-2', json('GET', '/users?per_page=1&page=2', 'admin')],
  ['users-list-admin-page-beyond', json('GET', '/users?per_page=1&page=5', 'admin')],
  ['users-list-admin-search', json('GET', '/users?search=ali', 'admin')],
  ['users-list-admin-search-stars', json('GET', '/users?search=**ali', 'admin'), "WP_User_Query trims every '*' at both ends"],
  ['users-list-admin-search-url', json('GET', '/users?search=http', 'admin'), 'no column named: login, URL, e-mail, slug and display name'],
  ['users-list-admin-search-number', json('GET', '/users?search=1.0', 'admin'), 'a number: the login and the ID (equal to it)'],
  ['users-list-admin-search-zero', json('GET', '/users?search=0', 'admin'), "empty(): '0' searches nothing"],
  ['users-list-admin-search-columns', json('GET', '/users?search=ex&search_columns[]=name&search_columns[]=email', 'admin')],
  ['users-list-admin-orderby-id-desc', json('GET', '/users?orderby=id&order=desc', 'admin')],
  ['users-list-admin-roles', json('GET', '/users?roles=editor', 'admin')],
  ['users-list-admin-include', json('GET', '/users?include=2', 'admin')],
  ['users-list-admin-exclude', json('GET', '/users?exclude=1', 'admin')],
  ['users-list-admin-slug', json('GET', '/users?slug=alice', 'admin')],
  ['users-list-admin-orderby-email', json('GET', '/users?orderby=email', 'admin')],
  ['users-list-admin-bad-orderby', json('GET', '/users?orderby=nope', 'admin')],
  ['users-list-admin-per-page-too-big', json('GET', '/users?per_page=101', 'admin')],
  ['users-list-alice-roles', json('GET', '/users?roles=editor', 'alice')],
  ['users-list-alice-edit', json('GET', '/users?context=edit', 'alice')],
  ['users-list-alice-orderby-email', json('GET', '/users?orderby=email', 'alice')],
  ['users-list-alice-who-authors', json('GET', '/users?who=authors', 'alice')],
  ['users-list-anonymous-edit', json('GET', '/users?context=edit', 'anonymous')],
  ['users-get-admin', json('GET', '/users/1', 'admin')],
  ['users-get-admin-alice-edit', json('GET', '/users/2?context=edit', 'admin')],
  ['users-get-admin-missing', json('GET', '/users/99', 'admin')],
  ['users-get-alice-self', json('GET', '/users/2', 'alice')],
  ['users-get-alice-admin-edit', json('GET', '/users/1?context=edit', 'alice')],
  ['users-create-alice-forbidden', json('POST', '/users', 'alice', { username: 'bob', email: 'bob@example.com', password: 'bob-pass' })],
  ['users-create-missing-params', json('POST', '/users', 'admin', { username: 'bob' })],
  ['users-create-bob', json('POST', '/users', 'admin', { username: 'bob', email: 'bob@example.com', password: 'bob-pass', name: 'Bob Builder', roles: ['author'] })],
  ['users-create-existing-login', json('POST', '/users', 'admin', { username: 'bob', email: 'bob2@example.com', password: 'p' })],
  ['users-create-existing-email', json('POST', '/users', 'admin', { username: 'bobby', email: 'bob@example.com', password: 'p' })],
  ['users-create-bad-role', json('POST', '/users', 'admin', { username: 'carol', email: 'carol@example.com', password: 'p', roles: ['nope'] })],
  ['users-create-with-id', json('POST', '/users', 'admin', { id: 3, username: 'carol', email: 'carol@example.com', password: 'p' })],
  ['users-create-taken-slug', json('POST', '/users', 'admin', { username: 'carol', email: 'carol@example.com', password: 'p', slug: 'alice' })],
  ['users-update-bob', json('POST', '/users/3', 'admin', { first_name: 'Bob', last_name: 'Builder', description: 'Builds things.', nickname: 'bobb' })],
  ['users-update-bob-html-fields', json('POST', '/users/3', 'admin', {
    description: '<script>alert(1)</script><b onclick="x">ok</b> <a href="javascript:alert(1)" title="t" rel="me" target="_blank">l</a> <!-- c --> a < b & c &amp;#65;',
    first_name: '<b>Bob</b> & "Co"', nickname: '< a href="x">n',
  }), 'the description through wp_kses (pre_user_description), the names through their pre_user_* chain'],
  ['users-update-bob-url-email-ampersand', json('POST', '/users/3', 'admin', { url: 'https://example.com/?a=1&b=2<b>', email: 'bob&co@example.com' }),
    "pre_user_url and pre_user_email end with wp_filter_kses: the '&' is saved as '&amp;'"],
  ['users-update-bob-description-zero', json('POST', '/users/3', 'admin', { description: '0' }), "wp_insert_user: an empty() description ('0') is saved as ''"],
  ['users-update-bob-username', json('POST', '/users/3', 'admin', { username: 'robert' })],
  ['users-update-bob-taken-slug', json('POST', '/users/3', 'admin', { slug: 'alice' })],
  ['users-update-bob-taken-email', json('PUT', '/users/3', 'admin', { email: 'alice@example.com' })],
  ['users-update-bob-roles', json('PATCH', '/users/3', 'admin', { roles: ['editor'] })],
  ['users-update-bob-bad-role', json('POST', '/users/3', 'admin', { roles: ['nope'] })],
  ['users-update-alice-on-admin', json('POST', '/users/1', 'alice', { name: 'Hacked' })],
  ['users-update-alice-roles-on-self', json('POST', '/users/2', 'alice', { roles: ['administrator'] })],
  ['users-me-alice-taken-slug', json('POST', '/users/me', 'alice', { slug: 'admin' })],
  ['users-update-missing', json('POST', '/users/99', 'admin', { name: 'x' })],
  ['users-create-dan-names', json('POST', '/users', 'admin', { username: 'dan', email: 'dan@example.com', password: 'dan-pass', first_name: 'Dan', last_name: 'Dee' }),
    "no name given: wp_insert_user makes the display name of the first and last names; the nickname is the login"],
  ['users-update-dan-empty-names', json('POST', '/users/5', 'admin', { name: '', nickname: '', first_name: '0' }),
    "PHP-empty fields: the display name and the nickname become the login, a first name of '0' is ''"],
  ['users-delete-dan', json('DELETE', '/users/5?force=true&reassign=1', 'admin')],
  ['users-create-eve-next-id', json('POST', '/users', 'admin', { username: 'eve', email: 'eve@example.com', password: 'eve-pass' }),
    "IDs are never given again: eve is 6, not dan's 5 (the users table's AUTO_INCREMENT)"],
  ['users-delete-eve', json('DELETE', '/users/6?force=true&reassign=1', 'admin')],
  ['users-delete-alice-forbidden', json('DELETE', '/users/4?force=true&reassign=1', 'alice')],
  ['users-delete-no-reassign', json('DELETE', '/users/4?force=true', 'admin')],
  ['users-delete-no-force', json('DELETE', '/users/4?reassign=1', 'admin')],
  ['users-delete-reassign-self', json('DELETE', '/users/4?force=true&reassign=4', 'admin')],
  ['users-delete-carol', json('DELETE', '/users/4?force=true&reassign=1', 'admin')],
  ['users-delete-bob', json('DELETE', '/users/3?force=true&reassign=1', 'admin')],
  ['users-list-after-delete', json('GET', '/users', 'admin')],
  ['users-update-alice-empty-password', json('POST', '/users/2', 'admin', { password: '' }),
    "check_user_password, the arg's sanitize_callback: rest_invalid_param, the details with its own code"],
  ['users-update-alice-zero-password', json('POST', '/users/2', 'admin', { password: '0' }), "PHP's empty(): '0' is an empty password"],
  ['users-create-no-roles', json('POST', '/users', 'admin', { username: 'norole', email: 'norole@example.com', password: 'p', roles: [] }),
    'roles given as []: a user without a role (not the default role)'],
  ['users-delete-reassign-word', json('DELETE', '/users/7?force=true&reassign=abc', 'admin'), 'check_reassign: neither a number nor empty or false'],
  ['users-delete-norole-reassign-false', json('DELETE', '/users/7?force=1&reassign=false', 'admin'),
    "check_reassign replaces the type check: 'false' is no reassignment"],
  ['users-list-fields-nbsp', json('GET', '/users?_fields=id%C2%A0,name', 'admin'),
    "wp_parse_list splits at ASCII whitespace and PHP's trim() keeps a no-break space: 'id\u00a0' names no field"],
  ['users-list-fields-vertical-tab', json('GET', '/users?_fields=id%0B,name', 'admin'), 'a vertical tab is whitespace to PCRE'],
  ['users-list-per-page-nbsp', json('GET', '/users?per_page=%C2%A05', 'admin'), "is_numeric(): a no-break space is not whitespace"],
  ['users-list-per-page-spaces', json('GET', '/users?per_page=%205%20', 'admin'), 'is_numeric(): ASCII spaces around the number are'],
  ['users-list-include-em-space', json('GET', '/users?include=1%E2%80%832', 'admin'), 'an em space does not separate list items'],
  ['users-list-roles-nbsp', json('GET', '/users?roles=editor%C2%A0,administrator', 'admin'), "'editor\u00a0' is no role's name"],
  ['users-create-bad-username', json('POST', '/users', 'admin', { username: 'bad!', email: 'bad@example.com', password: 'x' }),
    "check_username, the arg's sanitize_callback: rest_user_invalid_username in the details"],
  ['users-create-bad-username-bad-email', json('POST', '/users', 'admin', { username: 'bad!', email: 'notanemail', password: 'x' }),
    'sanitize callbacks run only once every arg is valid: only the e-mail is reported'],
  ['users-create-username-zero', json('POST', '/users', 'admin', { username: '0', email: 'zero@example.com', password: 'x' }), "empty(): '0' is no username"],
  ['users-update-bad-username', json('POST', '/users/2', 'admin', { username: 'bad!' }), "the same check on update, before 'Username is not editable'"],
  ['users-create-role-nbsp', json('POST', '/users', 'admin', { username: 'wes', email: 'wes@example.com', password: 'x', roles: 'editor\u00a0' }),
    'a role list split at ASCII whitespace: the no-break space stays in the name'],
  ['users-list-offset-negative', json('GET', '/users?offset=-1', 'admin'), "WP_User_Query's LIMIT -1, 10 fails in the database: no users, the total still counted"],
  ['users-list-offset-negative-per-page-1', json('GET', '/users?offset=-5&per_page=1', 'admin'), 'and the Link header of a page number below 1'],
  ['users-list-slug-upper-case', json('GET', '/users?slug=ALICE', 'admin'), "nicename__in compares as the database's collation does: case aside"],
  ['users-list-include-slugs-upper-case', json('GET', '/users?slug[]=ADMIN&slug[]=Alice&orderby=include_slugs', 'admin'), 'and orders by the slugs as given'],
  // The batch route (serve_batch_request_v1): the users routes allow batching, others do not.
  ['batch-users', batch('admin', { requests: [
    { path: '/wp/v2/users', body: { username: 'bat1', email: 'bat1@example.com', password: 'p' } },
    { method: 'POST', path: '/wp/v2/users/2?_fields=id,first_name', body: { first_name: 'Batched' } },
    { path: '/wp/v2/users/me', body: { first_name: 'x' } },
    { path: '/wp/v2/nope' },
    { method: 'DELETE', path: '/wp/v2/users/99?force=true&reassign=1' },
    { path: '/wp/v2/users', body: { username: 'bat1', email: 'bat1b@example.com', password: 'p' } },
    { path: '/wp/v2/users', body: { username: 'bat2', email: 'not-an-email', password: 'p' } },
    { method: 'PUT', path: '/wp/v2/users/2', body: { email: 'bat1@example.com' } },
    { path: '/wp/v2/users/1/', body: { first_name: 'slash' } },
    { path: 'http://elsewhere.example/wp/v2/users/2?_fields=id', body: { last_name: 'Full URL' } },
    { path: '/wp/v2/users/2#frag', body: { last_name: 'Fragment' } },
    { method: 'PATCH', path: '/wp/v2/users/2', headers: { 'X-Custom': 'a', 'Content-Type': 'application/json' }, body: { nickname: 'nick' } },
    { path: '/wp/v2/users/me/application-passwords', body: { name: 'no batch' } },
    { path: '/wp/v2/users/2?_fields=nickname' },
  ] }), 'each answered in turn as its own request: created, updated, rest_batch_not_allowed, rest_no_route, errors of the routes; 207'],
  ['batch-require-all-validate-fails', batch('admin', { validation: 'require-all-validate', requests: [
    { path: '/wp/v2/users', body: { username: 'bat3', email: 'bat3@example.com', password: 'p' } },
    { path: '/wp/v2/users', body: { username: 'bat4', email: 'bad', password: 'p' } },
    { path: '/wp/v2/nope' },
    { path: '/wp/v2/users/me' },
  ] }), 'one request fails its checks: nothing runs (bat3 is not made), the errors listed, null for the others'],
  ['batch-require-all-validate-passes', batch('admin', { validation: 'require-all-validate', requests: [{ path: '/wp/v2/users', body: { username: 'bat3', email: 'bat3@example.com', password: 'p' } }] })],
  ['batch-alice', batch('alice', { requests: [
    { path: '/wp/v2/users', body: { username: 'x1', email: 'x1@example.com', password: 'p' } },
    { path: '/wp/v2/users/2', body: { first_name: 'Self' } },
    { path: '/wp/v2/users/1', body: { first_name: 'Other' } },
  ] }), 'as the user the batch authenticated as'],
  ['batch-anonymous', batch('anonymous', { requests: [{ path: '/wp/v2/users', body: { username: 'anon', email: 'anon@example.com', password: 'p' } }] })],
  ['batch-get-method', batch('admin', { requests: [{ method: 'GET', path: '/wp/v2/users' }] })],
  ['batch-no-requests', batch('admin', {})],
  ['batch-requests-string', batch('admin', { requests: 'x' })],
  ['batch-no-path', batch('admin', { requests: [{ body: {} }] })],
  ['batch-bad-validation', batch('admin', { validation: 'bogus', requests: [] })],
  ['batch-empty', batch('admin', { requests: [] })],
  ['batch-26-requests', batch('admin', { requests: Array.from({ length: 26 }, () => ({ path: '/wp/v2/users/1', body: { first_name: 'n' } })) })],
  ['batch-body-not-object', batch('admin', { requests: [{ path: '/wp/v2/users', body: 'not an object' }] })],
  ['batch-header-number', batch('admin', { requests: [{ path: '/wp/v2/users', headers: { a: 1 } }] })],
  ['batch-get', { method: 'GET', path: '/wp-json/batch/v1', auth: 'admin', body: null }, 'the route takes POST only'],
  ['users-delete-reassign-fraction', json('DELETE', '/users/8?force=true&reassign=1.5', 'admin'), "delete_item reassigns to absint('1.5'): user 1"],
  ['users-delete-reassign-negative', json('DELETE', '/users/9?force=true&reassign=-1', 'admin'), "absint('-1') is 1"],
  // The route as WordPress's rewrite hands it over: the path undecoded, ?rest_route= decoded and taken as it is.
  ['route-percent-encoded-id', json('GET', '/users/%31', 'admin'), 'the path is matched as sent: %31 is not 1'],
  ['route-percent-encoded-slash', { method: 'GET', path: '/wp-json/wp%2Fv2/users', auth: 'admin', body: null }],
  ['rest-route-decoded', { method: 'GET', path: '/?rest_route=%2Fwp%2Fv2%2Fusers%2F%31', auth: 'admin', body: null }, 'a query parameter is decoded'],
  ['rest-route-without-leading-slash', { method: 'GET', path: '/?rest_route=wp/v2/users/1', auth: 'admin', body: null }, 'taken as it is: no route starts without a slash'],
  // rest_filter_response_fields keeps the data's own order (array_intersect_key), not the order _fields names them in.
  ['fields-order-item', json('GET', '/users/1?_fields=slug,id', 'admin')],
  ['fields-order-list', json('GET', '/users/me/application-passwords?_fields=name,uuid', 'admin')],
  ['fields-order-nested', json('GET', '/users/me/application-passwords?_fields=_links.self.0.href,name', 'admin'), 'a path into a list keeps its index'],
  ['fields-order-index', { method: 'GET', path: '/wp-json/?_fields=routes./batch/v1.methods,name', auth: 'anonymous', body: null }],
  // Bytes that are not UTF-8 (a form body, percent-encoded): PHP keeps them, WordPress's checks refuse them.
  ['users-update-invalid-utf8-form', { method: 'POST', path: '/wp-json/wp/v2/users/2?_fields=first_name,last_name,nickname,description', auth: 'admin', type: 'application/x-www-form-urlencoded', body: 'first_name=a%FFb&last_name=ok&nickname=%C0%AF&description=x%ED%A0%80y' },
    "sanitize_text_field gives '' (first_name; nickname, then the login), the description is stored as sent and wp_json_encode shows it as ''"],
  ['users-get-invalid-utf8-description', json('GET', '/users/2?context=edit&_fields=description', 'admin'), "stored as sent, shown as ''"],
  ['ap-create-invalid-utf8-name', { method: 'POST', path: '/wp-json/wp/v2/users/me/application-passwords', auth: 'admin', type: 'application/x-www-form-urlencoded', body: 'name=ab%FF' },
    'the pattern .*\\S.* (PCRE with /u) matches nothing in text that is not UTF-8'],
];

/** JSON paths of the values that differ between runs (dates of users registered at install or now). */
function volatileOf(body) {
  const out = [];
  const walk = (v, p) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/.test(v)) out.push({ path: p, kind: 'date' });
  };
  walk(body, 'response.body');
  return out;
}

const cases = [];
for (const [name, req, note] of CASES) {
  const headers = {};
  if (AUTH[req.auth]) headers.Authorization = AUTH[req.auth];
  if (req.body !== null) headers['Content-Type'] = req.type ?? 'application/json';
  const res = await fetch(BASE + req.path, { method: req.method, headers, body: req.body ?? undefined });
  const text = await res.text();
  const kept = {};
  for (const [k, v] of res.headers) if (KEEP.test(k)) kept[k] = v;
  const body = text === '' ? null : JSON.parse(text);
  const recorded = { name, ...(note ? { note } : {}), request: { method: req.method, path: req.path, headers, body: req.body, auth: req.auth }, response: { status: res.status, headers: kept, body } };
  const volatile = volatileOf(body);
  if (volatile.length) recorded.volatile = volatile;
  cases.push(recorded);
  process.stdout.write(`${res.status} ${name}\n`);
}

const users = [
  { id: 1, login: 'admin', email: 'admin@localhost.com', role: 'administrator', loginPassword: 'password', appPassword: 'AAAA BBBB CCCC DDDD EEEE FFFF', appPasswordName: 'oracle-admin', uuid: '11111111-1111-4111-8111-111111111111', created: 1700000000 },
  { id: 2, login: 'alice', email: 'alice@example.com', name: 'Alice Example', role: 'editor', loginPassword: 'alice-pass', appPassword: 'GGGG HHHH IIII JJJJ KKKK LLLL', appPasswordName: 'oracle-alice', uuid: '22222222-2222-4222-8222-222222222222', created: 1700000000 },
];
const site = await (await fetch(`${BASE}/wp-json/`)).json();
const out = {
  source: 'WordPress 6.8 via ../shared/wp-oracle (php -S, SQLite), fresh site, no mu-plugin',
  recordedWith: 'tests/conformance/record-users.mjs',
  base: BASE,
  site: { name: site.name, url: BASE, namespaces: site.namespaces },
  fixture: { users },
  auth: AUTH,
  cases,
};
fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
process.stdout.write(`${cases.length} cases → ${path.relative(process.cwd(), OUT)}\n`);
