import querystring from 'node:querystring';

/** The path of a request URL, without its query or fragment (what Express's req.path gives). */
export function urlPath(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * The route below /wp-json of a request URL (`/wp-json/x/v1/y` or `/?rest_route=/x/v1/y`), decoded,
 * without a trailing slash; null when it is not a REST request.
 */
export function restRouteOf(url: string): string | null {
  // The usual REST URL (`/wp-json/ns/v1/x`: no query, nothing to decode, no trailing slash) is its own route.
  if (url.startsWith('/wp-json/') && url.charCodeAt(url.length - 1) !== 47 && url.indexOf('?') === -1 && url.indexOf('#') === -1 && url.indexOf('%') === -1) return url.slice(8);
  const rawPath = urlPath(url);
  let route: string | null = null;
  if (rawPath === '/wp-json' || rawPath.startsWith('/wp-json/')) {
    route = rawPath.slice('/wp-json'.length);
    try {
      route = decodeURIComponent(route);
    } catch {
      // keep the raw path; it will simply not match a route
    }
  } else if (rawPath === '/' || rawPath === '/index.php') {
    // PHP keeps the last of repeated query keys; an empty rest_route is not a REST request. The query
    // is read as Express's 'simple' query parser reads it (querystring).
    const value = url[rawPath.length] === '?' ? querystring.parse(url.slice(rawPath.length + 1).split('#')[0]!).rest_route : undefined;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last === 'string' && last !== '') route = last;
  }
  if (route === null) return null;
  route = route.replace(/\/+$/, '');
  return route === '' ? '/' : route.startsWith('/') ? route : `/${route}`;
}

/** The query string of a URL (without `?` and fragment). */
export function queryOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? '' : url.slice(q + 1).split('#')[0]!;
}
