import { parsePhpQuery } from '../query-string';

/** The path of a request URL, without its query or fragment (what Express's req.path gives). */
export function urlPath(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * The route below /wp-json of a request URL (`/wp-json/x/v1/y` or `/?rest_route=/x/v1/y`) as
 * WordPress hands it to the REST server, without trailing slashes or backslashes (untrailingslashit);
 * null when it is not a REST request. From the path it is the path as sent, percent-escapes and all
 * (WordPress's rewrite rule urlencodes what it matched and parse_str decodes it back: `/wp-json/wp/v2/users/%31`
 * names no route there); from `?rest_route=` it is the parameter's value, decoded as any query
 * parameter and taken as it is (`?rest_route=wp/v2` without its leading slash names no route either).
 */
export function restRouteOf(url: string): string | null {
  // The usual REST URL (`/wp-json/ns/v1/x`: no query or fragment, no trailing slash or backslash) is its own route.
  const last = url.charCodeAt(url.length - 1);
  if (url.startsWith('/wp-json/') && last !== 47 && last !== 92 && url.indexOf('?') === -1 && url.indexOf('#') === -1) return url.slice(8);
  const rawPath = urlPath(url);
  let route: string | null = null;
  if (rawPath === '/wp-json' || rawPath.startsWith('/wp-json/')) {
    route = rawPath.slice('/wp-json'.length);
  } else if (rawPath === '/' || rawPath === '/index.php') {
    // `$_GET['rest_route']` (parsePhpQuery: the last of repeated keys, `rest.route` is `rest_route`);
    // a PHP-empty one ('' or '0') is not a REST request (WP::parse_request, rest_api_loaded).
    const value = url[rawPath.length] === '?' ? parsePhpQuery(url.slice(rawPath.length + 1).split('#')[0]!).rest_route : undefined;
    if (typeof value === 'string' && value !== '' && value !== '0') route = value;
  }
  if (route === null) return null;
  route = route.replace(/[/\\]+$/, '');
  return route === '' ? '/' : route;
}

/** The query string of a URL (without `?` and fragment). */
export function queryOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? '' : url.slice(q + 1).split('#')[0]!;
}
