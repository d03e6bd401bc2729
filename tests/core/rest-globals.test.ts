/**
 * core/rest/globals.ts: the rules of WP_REST_Server::serve_request that the conformance recordings
 * (tests/conformance/recordings/globals-6.8.json) check over HTTP, here on their own.
 */
import { encodeRestBody, isValidJsonpCallback, jsonpCallback, overriddenMethod, parseFieldList, phpGet, sanitizeUrl, filterResponseFields } from '../../core/rest/globals';

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
  it('keeps the last of repeated keys and makes bracketed keys arrays', () => {
    expect(phpGet('_jsonp=a&_jsonp=b', '_jsonp')).toBe('b');
    expect(phpGet('_jsonp[]=a&_jsonp[]=b', '_jsonp')).toEqual(['a', 'b']);
    expect(phpGet('x=1', '_jsonp')).toBeUndefined();
    expect(phpGet('_jsonp', '_jsonp')).toBe('');
  });

  it('turns JSONP on only for a PHP-truthy callback, and accepts word characters and dots', () => {
    expect(jsonpCallback('_jsonp=0')).toBeNull();
    expect(jsonpCallback('_jsonp=')).toBeNull();
    expect(jsonpCallback('_jsonp=cb')).toBe('cb');
    expect(isValidJsonpCallback('jQuery.cb_1')).toBe(true);
    expect(isValidJsonpCallback('a-b')).toBe(false);
    expect(isValidJsonpCallback(['a'])).toBe(false);
  });

  it('takes _method even empty and untrimmed, else the override header', () => {
    expect(overriddenMethod('_method=%20post', 'GET', undefined)).toEqual({ method: ' POST', byHeader: false });
    expect(overriddenMethod('_method=', 'GET', 'DELETE')).toEqual({ method: '', byHeader: false });
    expect(overriddenMethod('', 'POST', 'get')).toEqual({ method: 'GET', byHeader: true });
    expect(overriddenMethod('', 'post', undefined)).toEqual({ method: 'POST', byHeader: false });
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
