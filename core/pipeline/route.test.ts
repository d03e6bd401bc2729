import { queryOf, restRouteOf, urlPath } from './route';

describe('receive: the REST route of a URL', () => {
  it.each([
    ['/wp-json', '/'],
    ['/wp-json/', '/'],
    ['/wp-json/availo/v1/api/x/', '/availo/v1/api/x'],
    ['/wp-json/everest-backup/v1/access-token', '/everest-backup/v1/access-token'],
    ['/wp-json/x/v1#top', '/x/v1'],
    ['/wp-json/x/v1//', '/x/v1'],
    // The path as sent: WordPress matches routes against it undecoded (checked on the wp-oracle).
    ['/wp-json/a%20b/v1?x=1', '/a%20b/v1'],
    ['/wp-json/wp%2Fv2/users', '/wp%2Fv2/users'],
    ['/wp-json/wp/v2/users/%31', '/wp/v2/users/%31'],
    ['/wp-json/bad%zz', '/bad%zz'],
    // untrailingslashit: slashes and backslashes.
    ['/wp-json/x/v1\\', '/x/v1'],
    ['/wp-json/x/v1/\\/', '/x/v1'],
    // rest_route decoded as a query parameter, and taken as it is: without a leading slash it names no route.
    ['/?rest_route=%2Fx%2Fv1%2F%31', '/x/v1/1'],
    ['/?rest_route=x/v1', 'x/v1'],
    ['/?rest_route=//', '/'],
    ['/?rest_route=/x/v1/y', '/x/v1/y'],
    ['/index.php?rest_route=x/v1&rest_route=/z/v1', '/z/v1'],
    // $_GET's names as PHP makes them: '.' and ' ' become '_' (WordPress 6.8 answers these as REST requests).
    ['/?rest.route=/x/v1', '/x/v1'],
    ['/?rest%20route=/x/v1', '/x/v1'],
  ])('%s → %s', (url, route) => {
    expect(restRouteOf(url)).toBe(route);
  });

  it.each(['/', '/index.php', '/?rest_route=', '/?rest_route=0', '/?rest_route[]=/x/v1', '/wp-jsonx', '/about', '/wp-admin/'])('%s is not a REST request', (url) => {
    expect(restRouteOf(url)).toBeNull();
  });

  it('splits path and query', () => {
    expect(urlPath('/a/b?c=1#f')).toBe('/a/b');
    expect(queryOf('/a?c=1&d=2#f')).toBe('c=1&d=2');
    expect(queryOf('/a')).toBe('');
  });
});
