import { RestRequest } from './request';
import { RestServer } from './server';

/**
 * Routes are compiled when a request first reaches their namespace (or when something lists every
 * route), not at registration: matching and listing must be exactly as if every route had been
 * compiled at registration, in registration order, whatever was asked first.
 */

const site = () => ({ name: 't', description: '', url: 'http://t.test', applicationPasswords: true });

async function hit(server: RestServer, method: string, path: string): Promise<{ status: number; data: unknown }> {
  const req = new RestRequest(method, path, {}, {}, {}, undefined, null, Buffer.alloc(0), null, null, '127.0.0.1');
  const { response } = await server.dispatch(req);
  return { status: response.status, data: response.data };
}

/** Namespaces `a`, `a/v1` and `b/v1`, registered interleaved; `catchAllFirst`: a's catch-all before a/v1's routes. */
function build(catchAllFirst: boolean): RestServer {
  const server = new RestServer(site);
  const catchAll = () => server.registerRoute('a', '/(?P<rest>.+)', { methods: 'GET', handler: (req) => `a catch-all: ${String(req.param('rest'))}` });
  if (catchAllFirst) catchAll();
  server.registerRoute('a/v1', '/x', { methods: 'GET', handler: () => 'a/v1 x' });
  server.registerRoute('b/v1', '/x', { methods: 'GET', handler: () => 'b/v1 x' });
  server.registerRoute('a/v1', '/(?P<id>[\\d]+)', { methods: 'GET', handler: (req) => `a/v1 item ${String(req.param('id'))}` });
  if (!catchAllFirst) catchAll();
  server.registerRoute('b/v1', '/x', { methods: 'POST', handler: () => 'b/v1 x posted' });
  return server;
}

// Every server has WordPress's batch route right after the index (core/rest/batch.ts).
const ORDER_CATCH_ALL_LAST = ['/', '/batch/v1', '/a/v1', '/a/v1/x', '/b/v1', '/b/v1/x', '/a/v1/(?P<id>[\\d]+)', '/a', '/a/(?P<rest>.+)'];

describe('RestServer: routes compiled on first use', () => {
  it('matches in registration order across related namespaces, whichever namespace is asked first', async () => {
    // a's catch-all registered first wins over a/v1's own routes (WordPress matches in registration order) ...
    const first = build(true);
    expect(await hit(first, 'GET', '/b/v1/x')).toEqual({ status: 200, data: 'b/v1 x' });
    expect(await hit(first, 'GET', '/a/v1/x')).toEqual({ status: 200, data: 'a catch-all: v1/x' });
    // ... and loses to them when registered after.
    const last = build(false);
    expect(await hit(last, 'GET', '/b/v1/x')).toEqual({ status: 200, data: 'b/v1 x' });
    expect(await hit(last, 'GET', '/a/v1/x')).toEqual({ status: 200, data: 'a/v1 x' });
    expect(await hit(last, 'GET', '/a/v1/7')).toEqual({ status: 200, data: 'a/v1 item 7' });
    expect(await hit(last, 'GET', '/a/other')).toEqual({ status: 200, data: 'a catch-all: other' });
    expect(await hit(last, 'POST', '/b/v1/x')).toEqual({ status: 200, data: 'b/v1 x posted' });
    expect((await hit(last, 'GET', '/c/v1/x')).status).toBe(404);
    // Registered between two of a/v1's routes: after the first, before the second.
    const between = new RestServer(site);
    between.registerRoute('a/v1', '/x', { methods: 'GET', handler: () => 'a/v1 x' });
    between.registerRoute('a', '/(?P<rest>.+)', { methods: 'GET', handler: (req) => `a catch-all: ${String(req.param('rest'))}` });
    between.registerRoute('a/v1', '/(?P<id>[\\d]+)', { methods: 'GET', handler: (req) => `a/v1 item ${String(req.param('id'))}` });
    expect(await hit(between, 'GET', '/a/v1/7')).toEqual({ status: 200, data: 'a catch-all: v1/7' });
    expect(await hit(between, 'GET', '/a/v1/x')).toEqual({ status: 200, data: 'a/v1 x' });
  });

  it('lists every route in registration order after namespaces were compiled out of order', async () => {
    const server = build(false);
    expect(server.routeList().map((r) => r.pattern)).toEqual(ORDER_CATCH_ALL_LAST);
    const again = build(false);
    await hit(again, 'GET', '/b/v1/x'); // b/v1 (and the root) compiled ahead of a and a/v1
    expect(again.routeList().map((r) => r.pattern)).toEqual(ORDER_CATCH_ALL_LAST);
    const index = (await hit(again, 'GET', '/')).data as { routes: Record<string, unknown> };
    expect(Object.keys(index.routes)).toEqual(ORDER_CATCH_ALL_LAST);
  });

  it('a route registered after its namespace answered a request is matched; a repeated pattern adds its methods', async () => {
    const server = build(false);
    expect((await hit(server, 'GET', '/b/v1/y')).status).toBe(404);
    server.registerRoute('b/v1', '/y', { methods: 'GET', handler: () => 'b/v1 y' });
    expect(await hit(server, 'GET', '/b/v1/y')).toEqual({ status: 200, data: 'b/v1 y' });
    server.registerRoute('b/v1', '/y', { methods: 'DELETE', handler: () => 'b/v1 y deleted' });
    expect(await hit(server, 'DELETE', '/b/v1/y')).toEqual({ status: 200, data: 'b/v1 y deleted' });
    expect(server.routeList().find((r) => r.pattern === '/b/v1/y')?.endpoints.map((e) => e.methods)).toEqual([['GET'], ['DELETE']]);
    expect(server.routeList().map((r) => r.pattern)).toEqual([...ORDER_CATCH_ALL_LAST, '/b/v1/y']);
  });
});

describe('RestServer: the site index made once per state of the route table', () => {
  const routesOf = async (server: RestServer) => ((await hit(server, 'GET', '/')).data as { routes: Record<string, { methods: string[] }> }).routes;

  it('shows a route registered, a method added, a namespace switched off and on, and the site URL, after the index was asked for', async () => {
    let url = 'http://t.test';
    const server = new RestServer(() => ({ name: 't', description: '', url, applicationPasswords: true }));
    server.registerRoute('a/v1', '/x', { methods: 'GET', handler: () => 'x' });
    const first = await routesOf(server);
    expect(Object.keys(first)).toEqual(['/', '/batch/v1', '/a/v1', '/a/v1/x']);
    expect(await routesOf(server)).toBe(first); // nothing changed: the same routes, not made again
    server.registerRoute('a/v1', '/y', { methods: 'GET', handler: () => 'y' });
    expect(Object.keys(await routesOf(server))).toEqual(['/', '/batch/v1', '/a/v1', '/a/v1/x', '/a/v1/y']);
    server.registerRoute('a/v1', '/y', { methods: 'DELETE', handler: () => 'y' });
    expect((await routesOf(server))['/a/v1/y']!.methods).toEqual(['GET', 'DELETE']);
    server.setNamespaceEnabled('a/v1', false);
    expect(Object.keys(await routesOf(server))).toEqual(['/', '/batch/v1']);
    server.setNamespaceEnabled('a/v1', true);
    expect(Object.keys(await routesOf(server))).toEqual(['/', '/batch/v1', '/a/v1', '/a/v1/x', '/a/v1/y']);
    const namespaceRoutes = async () => ((await hit(server, 'GET', '/a/v1')).data as { routes: Record<string, unknown> }).routes;
    const before = await namespaceRoutes();
    expect(Object.keys(before)).toEqual(['/a/v1', '/a/v1/x', '/a/v1/y']);
    expect(await namespaceRoutes()).toBe(before);
    server.registerRoute('a/v1', '/z', { methods: 'GET', handler: () => 'z' });
    expect(Object.keys(await namespaceRoutes())).toEqual(['/a/v1', '/a/v1/x', '/a/v1/y', '/a/v1/z']);
    url = 'http://127.0.0.1:4321'; // PORT=0: the real port is known once listening
    expect(JSON.stringify((await routesOf(server))['/a/v1/x'])).toContain('http://127.0.0.1:4321/wp-json/a/v1/x');
  });

  it('hands out routes nothing can change: a mutation throws instead of reaching the next request', async () => {
    const server = new RestServer(site);
    server.registerRoute('a/v1', '/x', { methods: 'GET', args: { n: { type: 'integer', description: 'N.' } }, handler: () => 'x' });
    const routes = await routesOf(server);
    const entry = routes['/a/v1/x'] as { methods: string[]; endpoints: Array<{ args: Record<string, Record<string, unknown>> }> };
    expect(() => entry.methods.push('POST')).toThrow(TypeError);
    expect(() => (entry.endpoints[0]!.args.n!.type = 'string')).toThrow(TypeError);
    expect(() => delete routes['/a/v1/x']).toThrow(TypeError);
    expect((await routesOf(server))['/a/v1/x']).toEqual({ namespace: 'a/v1', methods: ['GET'], endpoints: [{ methods: ['GET'], args: { n: { type: 'integer', description: 'N.', required: false } } }], _links: { self: [{ href: 'http://t.test/wp-json/a/v1/x' }] } });
  });
});
