/**
 * core/rest/globals.ts: the rules of WP_REST_Server::serve_request that the conformance recordings
 * (tests/conformance/recordings/globals-6.8.json) check over HTTP, here on their own.
 */
import { encodeRestBody, isValidJsonpCallback, jsonpCallback, overriddenMethod, parseFieldList, filterResponseFields } from '../../core/rest/globals';
import { sanitizeUrl } from '../../core/wordpress/url';
import { parsePhpQuery } from '../../core/query-string';
import type { Params } from '../../core/rest/request';

/** sanitize_url() of WordPress 6.8.12, run with php over the wp-oracle site (input, WordPress's output). */
const SANITIZED: [string, string][] = [
  ["http://example.com/<x> \"y\"", "http://example.com/x%20y"],
  ["javascript:alert(1)", ""],
  ["example.com", "http://example.com"],
  ["HTTP://Example.COM:8080", "http://Example.COM:8080"],
  ["http://[::1]:3000/a[b]", "http://[::1]:3000/a%5Bb%5D"],
  ["https://a.example/p[1]?q=[2]", "https://a.example/p%5B1%5D?q=%5B2%5D"],
  ["http://a.example/%0d%0ax%0D%0Ay", "http://a.example/xy"],
  ["mailto:x@y.example", "mailto:x@y.example"],
  ["feed:http://x.example", "feed:http://x.example"],
  ["feed:feed:feed:http://x", ""],
  ["//cdn.example", "//cdn.example"],
  ["https;//x.example", "https://x.example"],
  ["chrome-extension://abcdef", ""],
  [" \t http://lead.example", "http://lead.example"],
  ["foo.php", "foo.php"],
  ["#frag", "#frag"],
  ["?q=1", "?q=1"],
  ["http://a.example/été", "http://a.example/été"],
  ["ftp://a.example", "ftp://a.example"],
  ["data:text/html,x", ""],
  ["http://a.example/%0%0d0a", "http://a.example/%00a"],
  ["tel:+1", "tel:+1"],
  ["a:b:c", ""],
  ["http://a.example/path with spaces", "http://a.example/path%20with%20spaces"],
  ["&#104;ttp://x.example", ""],
  ["HTTPS://X.EXAMPLE", "https://X.EXAMPLE"],
  ["urn:isbn:123", "urn:isbn:123"],
];

describe('sanitizeUrl (esc_url in the db context)', () => {
  it.each(SANITIZED)('%j → %j, as WordPress 6.8.12', (input, expected) => {
    expect(sanitizeUrl(input)).toBe(expected);
  });
});

describe('query parameters as PHP reads them', () => {
  // `$_GET` as parsePhpQuery gives it: the same parse the route's parameters come from.
  const get = (raw: string) => parsePhpQuery(raw) as Params;

  it('reads _jsonp from $_GET: the last of repeated keys, bracketed keys as arrays, names as PHP mangles them', () => {
    expect(jsonpCallback(get('_jsonp=a&_jsonp=b'))).toBe('b');
    expect(jsonpCallback(get('_jsonp[]=a&_jsonp[]=b'))).toEqual(['a', 'b']);
    expect(jsonpCallback(get('_jsonp[x][y]=a'))).toEqual({ x: { y: 'a' } });
    expect(jsonpCallback(get('x=1'))).toBeNull();
    // PHP makes '.' and ' ' in a name '_' (a leading space is dropped), and an unclosed '[' too.
    expect(jsonpCallback(get('.jsonp=cb'))).toBe('cb');
    expect(jsonpCallback(get('%20_jsonp=cb'))).toBe('cb');
    expect(jsonpCallback(get('_jsonp[x=cb'))).toBeNull();
    // An undecodable '%' sequence stays in the value as PHP's urldecode leaves it (it made the pair vanish).
    expect(jsonpCallback(get('_jsonp=a%zz'))).toBe('a%zz');
    // A byte that is not UTF-8 stays that byte, as in PHP (core/php-bytes.ts: kept as U+DCFF, not U+FFFD).
    expect(jsonpCallback(get('_jsonp=%ff'))).toBe('\udcff');
  });

  it('turns JSONP on only for a PHP-truthy callback, and accepts word characters and dots', () => {
    expect(jsonpCallback(get('_jsonp=0'))).toBeNull();
    expect(jsonpCallback(get('_jsonp='))).toBeNull();
    expect(jsonpCallback(get('_jsonp'))).toBeNull();
    expect(jsonpCallback(get('_jsonp=cb'))).toBe('cb');
    expect(jsonpCallback(get('_jsonp[]='))).toEqual(['']);
    expect(isValidJsonpCallback('jQuery.cb_1')).toBe(true);
    expect(isValidJsonpCallback('a-b')).toBe(false);
    expect(isValidJsonpCallback('a%zz')).toBe(false);
    expect(isValidJsonpCallback(['a'])).toBe(false);
    expect(isValidJsonpCallback({ a: 'b' })).toBe(false);
  });

  it('takes _method even empty and untrimmed, else the override header', () => {
    expect(overriddenMethod(get('_method=%20post'), 'GET', undefined)).toEqual({ method: ' POST', byHeader: false });
    expect(overriddenMethod(get('_method='), 'GET', 'DELETE')).toEqual({ method: '', byHeader: false });
    expect(overriddenMethod(get('.method=put'), 'GET', 'DELETE')).toEqual({ method: 'PUT', byHeader: false });
    expect(overriddenMethod(get('_method[]=put'), 'GET', 'DELETE')).toEqual({ method: 'GET', byHeader: false });
    expect(overriddenMethod({}, 'POST', 'get')).toEqual({ method: 'GET', byHeader: true });
    expect(overriddenMethod({}, 'post', undefined)).toEqual({ method: 'POST', byHeader: false });
  });
});

describe('bodies', () => {
  it('pretty-prints with four spaces and PHP escaping, inside the JSONP wrapper', () => {
    expect(encodeRestBody({ a: '/é', b: [] }, 'php', true, 'cb')).toBe('/**/cb({\n    "a": "\\/\\u00e9",\n    "b": []\n})');
    expect(encodeRestBody({ a: '/' }, 'plain', false, null)).toBe('{"a":"/"}');
  });

  it('splits _fields on commas and whitespace, and keeps links as WordPress adds them', () => {
    expect(parseFieldList('id name,  _links')).toEqual(['id', 'name', '_links']);
    const item = { id: 1, name: 'n', _links: { self: [] } };
    expect(filterResponseFields(item, ['id'], 'item', false)).toEqual({ id: 1 });
    expect(filterResponseFields(item, ['id', '_embedded'], 'item', false)).toEqual({ id: 1 });
    const withLinks = { id: 1, _links: { self: [] } };
    expect(filterResponseFields(item, ['id', '_embedded'], 'item', true)).toEqual(withLinks);
    expect(filterResponseFields(item, ['id'], 'namespace-index', false)).toEqual(withLinks);
    expect(filterResponseFields(item, ['id'], 'index', true)).toEqual(withLinks);
    expect(filterResponseFields(item, ['id'], 'index', false)).toEqual({ id: 1 });
    expect(filterResponseFields([item], ['id'], 'item', false)).toEqual([{ id: 1 }]);
  });
});
