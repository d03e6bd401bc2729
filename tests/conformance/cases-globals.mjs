// WordPress's global REST parameters and header rules (WP_REST_Server::serve_request and the
// filters it runs): _jsonp, _pretty, _fields with links, the CORS origin echo, the cookie nonce
// check, method overrides. Recorded with:
//   node tests/conformance/record.mjs --reset --cases tests/conformance/cases-globals.mjs
// `raw: true` keeps the exact body text (pretty printing, JSONP wrappers).

export const OUT = 'globals-6.8.json';
export const EMULATOR = { namespaces: ['conformance/v1', 'wp/v2'] };

const ADMIN = 'admin-app-password-chunked';
const ALICE = 'alice-app-password';
const ECHO = '/wp-json/conformance/v1/echo';
const PING = '/wp-json/conformance/v1/admin-ping';
const NS = '/wp-json/conformance/v1';
const ME = '/wp-json/wp/v2/users/me';
const ADMIN_AP = '/wp-json/wp/v2/users/1/application-passwords/11111111-1111-4111-8111-111111111111';
const JSON_CT = 'application/json';
const FORM_CT = 'application/x-www-form-urlencoded';
const origin = (value) => ({ Origin: value });

export const CASES = [
  // ---- _jsonp -------------------------------------------------------------------------------
  { name: 'jsonp-valid', method: 'GET', path: `${ECHO}?n=1&_jsonp=cb`, raw: true },
  { name: 'jsonp-dotted-callback', method: 'GET', path: `${ECHO}?n=2&_jsonp=jQuery.cb_12`, raw: true },
  { name: 'jsonp-invalid-dash', method: 'GET', path: `${ECHO}?n=1&_jsonp=c-b`, raw: true,
    note: 'rest_callback_invalid before authentication and dispatch: no CORS, no Allow, no data member' },
  { name: 'jsonp-invalid-with-origin-and-admin', method: 'GET', path: `${ME}?_jsonp=alert(1)`, auth: ADMIN,
    headers: origin('https://client.example'), raw: true },
  { name: 'jsonp-invalid-array', method: 'GET', path: `${ECHO}?n=1&_jsonp[]=a`, raw: true },
  { name: 'jsonp-repeated-last-wins', method: 'GET', path: `${ECHO}?n=1&_jsonp=a-b&_jsonp=b.c`, raw: true },
  { name: 'jsonp-zero-is-off', method: 'GET', path: `${ECHO}?n=1&_jsonp=0`, raw: true },
  { name: 'jsonp-empty-is-off', method: 'GET', path: `${ECHO}?n=1&_jsonp=`, raw: true },
  { name: 'jsonp-on-error', method: 'GET', path: `${ECHO}?_jsonp=cb`, raw: true },
  { name: 'jsonp-unknown-route', method: 'GET', path: '/wp-json/nope/v1/nothing?_jsonp=cb', raw: true },
  { name: 'jsonp-users-me-admin', method: 'GET', path: `${ME}?_jsonp=cb`, auth: ADMIN, raw: true },
  { name: 'jsonp-post-admin-ping', method: 'POST', path: `${PING}?_jsonp=cb`, auth: ADMIN, raw: true },
  { name: 'jsonp-in-json-body-ignored', method: 'POST', path: PING, auth: ADMIN, contentType: JSON_CT,
    body: { _jsonp: 'cb' }, raw: true, note: '$_GET only' },
  { name: 'jsonp-head', method: 'HEAD', path: `${ECHO}?n=1&_jsonp=cb`, raw: true },
  { name: 'jsonp-with-envelope', method: 'GET', path: `${ECHO}?n=1&_jsonp=cb&_envelope`, raw: true },
  { name: 'jsonp-rest-route', method: 'GET', path: '/?rest_route=/conformance/v1/echo&n=3&_jsonp=cb', raw: true },
  { name: 'jsonp-options', method: 'OPTIONS', path: `${PING}?_jsonp=cb`, raw: true },
  // $_GET's own parsing: names with '.' or ' ' become '_', an unclosed '[' ends the array part, an
  // undecodable '%' sequence stays in the value (the route's parameters come from the same parse).
  { name: 'jsonp-dot-in-name', method: 'GET', path: `${ECHO}?n=1&.jsonp=cb`, raw: true },
  { name: 'jsonp-leading-space-in-name', method: 'GET', path: `${ECHO}?n=1&%20_jsonp=cb`, raw: true },
  { name: 'jsonp-unclosed-bracket-is-another-name', method: 'GET', path: `${ECHO}?n=1&_jsonp[x=cb`, raw: true },
  { name: 'jsonp-bad-percent-kept', method: 'GET', path: `${ECHO}?n=1&_jsonp=a%zz`, raw: true },
  { name: 'jsonp-nested-array', method: 'GET', path: `${ECHO}?n=1&_jsonp[x][y]=a`, raw: true },
  { name: 'rest-route-dot-in-name', method: 'GET', path: '/?rest.route=/conformance/v1/echo&n=4' },
  { name: 'rest-route-repeated-last-wins', method: 'GET', path: '/?rest_route=/nope/v1&rest%20route=/conformance/v1/echo&n=5' },

  // ---- _pretty --------------------------------------------------------------------------------
  { name: 'pretty-echo', method: 'GET', path: `${ECHO}?n=1&_pretty`, raw: true },
  { name: 'pretty-zero-still-pretty', method: 'GET', path: `${ECHO}?n=1&_pretty=0`, raw: true, note: 'has_param: presence only' },
  { name: 'pretty-namespace-index', method: 'GET', path: `${NS}?_pretty=1`, raw: true, note: 'escaped slashes, empty args [] indented' },
  { name: 'pretty-error', method: 'GET', path: `${ECHO}?n=0&_pretty`, raw: true },
  { name: 'pretty-users-me-admin', method: 'GET', path: `${ME}?_pretty`, auth: ADMIN, raw: true },
  { name: 'pretty-json-body', method: 'POST', path: PING, auth: ADMIN, contentType: JSON_CT, body: { _pretty: true }, raw: true },
  { name: 'pretty-json-body-null', method: 'POST', path: PING, auth: ADMIN, contentType: JSON_CT, body: { _pretty: null }, raw: true,
    note: 'array_key_exists: a null value counts' },
  { name: 'pretty-form-body', method: 'POST', path: PING, auth: ADMIN, contentType: FORM_CT, body: '_pretty=', raw: true },
  { name: 'pretty-with-jsonp', method: 'GET', path: `${ECHO}?n=1&_pretty&_jsonp=cb`, raw: true },
  { name: 'pretty-with-envelope', method: 'GET', path: `${ECHO}?n=1&_pretty&_envelope`, raw: true },

  // ---- CORS origin (sanitize_url) ----------------------------------------------------------------
  { name: 'cors-origin-markup-and-space', method: 'GET', path: `${ECHO}?n=1`, headers: origin('http://example.com/<x> "y"') },
  { name: 'cors-origin-javascript-scheme', method: 'GET', path: `${ECHO}?n=1`, headers: origin('javascript:alert(1)') },
  { name: 'cors-origin-data-scheme', method: 'GET', path: `${ECHO}?n=1`, headers: origin('data:text/html,x') },
  { name: 'cors-origin-no-scheme', method: 'GET', path: `${ECHO}?n=1`, headers: origin('example.com') },
  { name: 'cors-origin-zero', method: 'GET', path: `${ECHO}?n=1`, headers: origin('0') },
  { name: 'cors-origin-upper-case-port', method: 'GET', path: `${ECHO}?n=1`, headers: origin('HTTP://Example.COM:8080') },
  { name: 'cors-origin-ipv6', method: 'GET', path: `${ECHO}?n=1`, headers: origin('http://[::1]:3000') },
  { name: 'cors-origin-brackets-in-path', method: 'GET', path: `${ECHO}?n=1`, headers: origin('https://a.example/p[1]') },
  { name: 'cors-origin-crlf-escapes', method: 'GET', path: `${ECHO}?n=1`, headers: origin('http://a.example/%0d%0ax%0D%0Ay') },
  { name: 'cors-origin-mailto', method: 'GET', path: `${ECHO}?n=1`, headers: origin('mailto:x@y.example') },
  { name: 'cors-origin-feed', method: 'GET', path: `${ECHO}?n=1`, headers: origin('feed:http://x.example') },
  { name: 'cors-origin-protocol-relative', method: 'GET', path: `${ECHO}?n=1`, headers: origin('//cdn.example') },
  { name: 'cors-origin-semicolon-slashes', method: 'GET', path: `${ECHO}?n=1`, headers: origin('https;//x.example') },
  { name: 'cors-origin-unknown-scheme', method: 'GET', path: `${ECHO}?n=1`, headers: origin('chrome-extension://abcdef') },
  { name: 'cors-origin-options-admin', method: 'OPTIONS', path: ME, auth: ADMIN, headers: origin('http://example.com/<x>') },
  { name: 'cors-origin-post-anonymous', method: 'POST', path: PING, headers: origin('http://a.example') },
  { name: 'vary-head-anonymous', method: 'HEAD', path: `${ECHO}?n=1`, note: 'Vary only when the request line says GET' },
  { name: 'vary-post-anonymous', method: 'POST', path: `${ECHO}?n=1`, headers: { 'X-HTTP-Method-Override': 'GET' } },

  // ---- _fields and links ------------------------------------------------------------------------
  { name: 'fields-namespace-index-keeps-links', method: 'GET', path: `${NS}?_fields=namespace` },
  { name: 'fields-namespace-index-array', method: 'GET', path: `${NS}?_fields[]=namespace` },
  { name: 'fields-namespace-index-links-subpath', method: 'GET', path: `${NS}?_fields=namespace,_links.nothing`,
    note: 'links are not data: a sub-path of _links does not filter them' },
  { name: 'fields-index-keeps-links', method: 'GET', path: '/wp-json/?_fields=name,description' },
  { name: 'fields-index-rest-route', method: 'GET', path: '/?rest_route=/&_fields=url' },
  { name: 'fields-space-separated', method: 'GET', path: `${ECHO}?n=1&_fields=n%20mode` },
  { name: 'fields-users-me-embedded-adds-links', method: 'GET', path: `${ME}?_fields=id,_embedded`, auth: ADMIN },
  { name: 'fields-users-me-links-subpath', method: 'GET', path: `${ME}?_fields=id,_links.self`, auth: ADMIN },
  { name: 'fields-app-password-item', method: 'GET', path: `${ADMIN_AP}?_fields=uuid,name`, auth: ADMIN },
  { name: 'fields-app-password-item-links', method: 'GET', path: `${ADMIN_AP}?_fields=uuid,_links`, auth: ADMIN },
  { name: 'fields-in-json-body', method: 'POST', path: PING, auth: ADMIN, contentType: JSON_CT, body: { _fields: 'pong' } },
  { name: 'fields-empty', method: 'GET', path: `${ECHO}?n=1&_fields=` },
  { name: 'fields-embed-users-me', method: 'GET', path: `${ME}?_embed&_fields=id`, auth: ADMIN },
  { name: 'embed-users-me', method: 'GET', path: `${ME}?_embed=1`, auth: ADMIN },
  { name: 'fields-embed-embedded-users-me', method: 'GET', path: `${ME}?_embed&_fields=id,_embedded`, auth: ADMIN,
    note: '_embedded counts for the links only together with _embed' },
  { name: 'fields-embed-index', method: 'GET', path: '/wp-json/?_embed&_fields=name' },
  { name: 'fields-index-links-subpath', method: 'GET', path: '/wp-json/?_fields=name,_links.help' },

  // ---- cookie nonce (rest_cookie_check_errors) -----------------------------------------------------
  { name: 'nonce-header-anonymous', method: 'GET', path: `${ECHO}?n=1`, headers: { 'X-WP-Nonce': 'abc123' } },
  { name: 'nonce-query-anonymous', method: 'GET', path: `${ECHO}?n=1&_wpnonce=abc123` },
  { name: 'nonce-empty-header', method: 'GET', path: `${ECHO}?n=1`, headers: { 'X-WP-Nonce': '' } },
  { name: 'nonce-form-body-anonymous', method: 'POST', path: PING, contentType: FORM_CT, body: '_wpnonce=abc123' },
  { name: 'nonce-unknown-route', method: 'GET', path: '/wp-json/nope/v1/nothing', headers: { 'X-WP-Nonce': 'abc123' },
    note: 'authentication is checked before routing' },
  { name: 'nonce-with-envelope', method: 'GET', path: `${ECHO}?n=1&_envelope`, headers: { 'X-WP-Nonce': 'abc123' } },
  { name: 'nonce-admin-ignored', method: 'GET', path: ME, auth: ADMIN, headers: { 'X-WP-Nonce': 'abc123' } },
  { name: 'nonce-wrong-password', method: 'GET', path: `${ECHO}?n=1`, auth: 'admin-wrong-password', headers: { 'X-WP-Nonce': 'abc123' } },
  { name: 'nonce-options', method: 'OPTIONS', path: PING, headers: { 'X-WP-Nonce': 'abc123' } },

  // ---- method override ----------------------------------------------------------------------------
  { name: 'override-empty-query', method: 'GET', path: `${ECHO}?n=1&_method=` },
  { name: 'override-query-not-trimmed', method: 'GET', path: `${PING}?_method=%20post`, auth: ADMIN },
  { name: 'override-empty-header', method: 'GET', path: `${ECHO}?n=1`, headers: { 'X-HTTP-Method-Override': '' } },
  { name: 'override-query-beats-header', method: 'GET', path: `${ECHO}?n=1&_method=GET`, headers: { 'X-HTTP-Method-Override': 'DELETE' } },
  { name: 'override-header-4xx-no-cache', method: 'POST', path: `${ECHO}?n=0`, headers: { 'X-HTTP-Method-Override': 'GET' },
    note: 'an anonymous 4xx after a header override carries the no-cache headers' },
  { name: 'override-header-404-no-cache', method: 'GET', path: ECHO, headers: { 'X-HTTP-Method-Override': 'PUT' } },
  { name: 'override-query-4xx-cacheable', method: 'GET', path: `${PING}?_method=POST` },
  { name: 'override-query-dot-in-name', method: 'GET', path: `${PING}?.method=post`, auth: ADMIN },
  { name: 'override-query-bad-percent', method: 'GET', path: `${ECHO}?n=1&_method=%zz` },
  { name: 'override-header-forbidden-alice', method: 'GET', path: PING, auth: ALICE, headers: { 'X-HTTP-Method-Override': 'POST' } },
];
