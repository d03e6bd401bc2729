import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock } from '../clock';
import { RestResponse } from '../rest/response';
import { RestServer } from '../rest/server';
import type { RequestContext } from './context';
import { Pipeline, turnForLargeBody, YIELD_BEFORE_RESPOND_BYTES } from './pipeline';

/** The whole pipeline on a real socket: stages in order, one context, one write, the host seam. */

const server = new RestServer(() => ({ name: 't', description: '', url: 'http://t.test', applicationPasswords: true }));
server.registerRoute('t/v1', '/echo', { methods: ['POST'], handler: (req) => ({ got: req.param('a') ?? null, user: req.user?.login ?? null }) });
server.registerRoute('t/v1', '/boom', { methods: ['GET'], handler: () => { throw new Error('route blew up'); } });

function setup(hostAnswer?: (ctx: RequestContext) => void, bodyLimit = 1024) {
  const pipeline = new Pipeline({ server, clock: createClock('2030-01-01T00:00:00Z'), siteUrl: () => 'http://t.test', bodyLimit, onError: () => undefined });
  const added: string[] = [];
  const node = http.createServer((req, res) => {
    const before = { req: new Set(Reflect.ownKeys(req)), res: new Set(Reflect.ownKeys(res)) };
    res.once('finish', () => {
      for (const key of Reflect.ownKeys(req)) if (!before.req.has(key)) added.push(`req.${String(key)}`);
      for (const key of Reflect.ownKeys(res)) if (!before.res.has(key)) added.push(`res.${String(key)}`);
    });
    pipeline.handle(req, res, req.url!, (ctx) => (hostAnswer ?? (() => ctx.res.end('host')))(ctx));
  });
  return { pipeline, node, added };
}

async function send(node: http.Server, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(node.address() as AddressInfo).port}${path}`, { method, body, headers });
    return { status: res.status, headers: Object.fromEntries(res.headers) as http.IncomingHttpHeaders, text: await res.text() };
  } finally {
    await new Promise<void>((resolve) => node.close(() => resolve()));
  }
}

describe('pipeline', () => {
  it('takes a REST request through every stage in order, with one context, and answers it itself', async () => {
    const { pipeline, node } = setup();
    const seen: string[] = [];
    const contexts = new Set<RequestContext>();
    pipeline.use({
      name: 'probe',
      receive: (ctx) => void (contexts.add(ctx), seen.push(`receive ${ctx.route} body=${ctx.body.length}`)),
      beforeDispatch: (ctx) => void (contexts.add(ctx), seen.push(`before-dispatch ${ctx.auth.method} body=${ctx.body.length}`)),
      afterResponse: (ctx) => void (contexts.add(ctx), seen.push(`after-response ${ctx.answer?.status} written=${ctx.written}`)),
    });
    pipeline.authenticate.use({ name: 'token', authenticate: (ctx) => (contexts.add(ctx), seen.push('authenticate'), { user: { login: 'tok' } as never, method: 'token', appPassword: null, attemptedLogin: null, failure: null }) });
    const res = await send(node, 'POST', '/wp-json/t/v1/echo', '{"a":1}', { 'Content-Type': 'application/json' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ got: 1, user: 'tok' });
    expect(seen).toEqual(['receive /t/v1/echo body=0', 'authenticate', 'before-dispatch token body=7', 'after-response 200 written=true']);
    expect(contexts.size).toBe(1);
  });

  it('attaches nothing to Node\'s request or response beyond what a plain Node answer does', async () => {
    const plain = http.createServer((_req, res) => {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json');
      res.end('{}');
    });
    const plainAdded: string[] = [];
    plain.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const before = { req: new Set(Reflect.ownKeys(req)), res: new Set(Reflect.ownKeys(res)) };
      res.once('finish', () => {
        for (const key of Reflect.ownKeys(req)) if (!before.req.has(key)) plainAdded.push(`req.${String(key)}`);
        for (const key of Reflect.ownKeys(res)) if (!before.res.has(key)) plainAdded.push(`res.${String(key)}`);
      });
    });
    await send(plain, 'POST', '/x', '{"a":1}', { 'Content-Type': 'application/json' });
    const { node, added } = setup();
    await send(node, 'POST', '/wp-json/t/v1/echo', '{"a":1}', { 'Content-Type': 'application/json' });
    expect(added.filter((key) => !plainAdded.includes(key))).toEqual([]);
  });

  it('an answer set before dispatch replaces the route; after-response still sees it', async () => {
    const { pipeline, node } = setup();
    const route = jest.fn();
    server.registerRoute('t/v1', '/never', { methods: ['GET'], handler: route });
    let observed: RequestContext | null = null;
    pipeline.use({
      name: 'fault',
      beforeDispatch: (ctx) => {
        ctx.fault = { id: 'f1' };
        ctx.answer = { status: 503, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('later') };
      },
      afterResponse: (ctx) => void (observed = ctx),
    });
    const res = await send(node, 'GET', '/wp-json/t/v1/never');
    expect(res.status).toBe(503);
    expect(res.text).toBe('later');
    expect(route).not.toHaveBeenCalled();
    expect(observed!.fault).toEqual({ id: 'f1' });
    expect(observed!.answer!.body!.toString()).toBe('later');
  });

  it('hands what is not a REST request to the host, after authenticate and before-dispatch; after-response runs once it answered', async () => {
    const { pipeline, node } = setup((ctx) => {
      ctx.res.statusCode = 201;
      ctx.res.setHeader('Content-Type', 'text/html');
      ctx.res.end(`<p>${pipeline.contextOf(ctx.req) === ctx}</p>`);
    });
    const seen: string[] = [];
    pipeline.use({ name: 'probe', beforeDispatch: () => void seen.push('before-dispatch'), afterResponse: (ctx) => void seen.push(`after ${ctx.res.statusCode} written=${ctx.written} ${ctx.durationMs !== null}`) });
    const res = await send(node, 'GET', '/about');
    expect(res.status).toBe(201);
    expect(res.text).toBe('<p>true</p>');
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['before-dispatch', 'after 201 written=false true']);
  });

  it('a throwing hook is a plain 500, a throwing route WordPress\'s internal error; never a stack trace', async () => {
    const { pipeline, node } = setup();
    pipeline.use({ name: 'bad', receive: (ctx) => { if (ctx.url === '/wp-json/t/v1/echo') throw new Error('hook blew up'); } });
    const hook = await send(node, 'POST', '/wp-json/t/v1/echo', '{}');
    expect(hook.status).toBe(500);
    expect(hook.text).toBe('Internal Server Error');
    const route = await send(setup().node, 'GET', '/wp-json/t/v1/boom');
    expect(route.status).toBe(500);
    expect(JSON.parse(route.text).code).toBe('internal_server_error');
    expect(route.text).not.toContain('blew up');
  });

  it('an authenticator that throws, or a route answer that cannot be written, ends in a 500, not an uncaught exception', async () => {
    const { pipeline, node } = setup();
    pipeline.authenticate.use({ name: 'broken', authenticate: () => { throw new Error('store down'); } });
    const res = await send(node, 'GET', '/wp-json/t/v1/echo');
    expect(res.status).toBe(500);
    server.registerRoute('t/v1', '/bad-header', { methods: ['GET'], handler: () => new RestResponse({}, 200, { 'X-Bad': 'a\nb' }) });
    const bad = await send(setup().node, 'GET', '/wp-json/t/v1/bad-header');
    expect(bad.status).toBe(500);
    expect(JSON.parse(bad.text).code).toBe('internal_server_error');
  });

  it('answers a body over the limit 413 in WordPress\'s envelope', async () => {
    const res = await send(setup().node, 'POST', '/wp-json/t/v1/echo', 'x'.repeat(2000), { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).code).toBe('rest_request_too_large');
  });

  it('a large body lets the event loop turn (its timers run) between the handler and the answer; a small one is answered in the same turn', async () => {
    const order: string[] = [];
    server.registerRoute('t/v1', '/turns', {
      methods: ['POST'],
      handler: () => {
        order.push('handler');
        setTimeout(() => order.push('next turn'), 1);
        // The timer is due before the handler returns, so the event loop's next turn runs it.
        const until = performance.now() + 3;
        while (performance.now() < until);
        return { ok: true };
      },
    });
    const turns = async (bytes: number): Promise<string[]> => {
      order.length = 0;
      const { pipeline, node } = setup(undefined, 1024 * 1024);
      pipeline.use({ name: 'probe', afterResponse: () => void order.push('answered') });
      const res = await send(node, 'POST', '/wp-json/t/v1/turns', JSON.stringify({ pad: 'x'.repeat(bytes) }), { 'Content-Type': 'application/json' });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ ok: true });
      await new Promise((r) => setTimeout(r, 5));
      return [...order];
    };
    expect(await turns(100)).toEqual(['handler', 'answered', 'next turn']);
    expect(await turns(YIELD_BEFORE_RESPOND_BYTES)).toEqual(['handler', 'next turn', 'answered']);
  });

  it('a large answer to a small request is encoded in one turn and written in the next (its timers run between)', async () => {
    const order: string[] = [];
    server.registerRoute('t/v1', '/big', {
      methods: ['GET'],
      handler: (req) => {
        order.push('handler');
        setTimeout(() => order.push('next turn'), 1);
        const until = performance.now() + 3;
        while (performance.now() < until);
        return { pad: 'x'.repeat(Number(req.param('size'))) };
      },
    });
    const turns = async (size: number): Promise<string[]> => {
      order.length = 0;
      const { pipeline, node } = setup();
      pipeline.use({ name: 'probe', afterResponse: () => void order.push('answered') });
      const res = await send(node, 'GET', `/wp-json/t/v1/big?size=${size}`);
      expect(res.status).toBe(200);
      expect((JSON.parse(res.text) as { pad: string }).pad).toHaveLength(size);
      await new Promise((r) => setTimeout(r, 5));
      return [...order];
    };
    expect(await turns(100)).toEqual(['handler', 'answered', 'next turn']);
    expect(await turns(YIELD_BEFORE_RESPOND_BYTES)).toEqual(['handler', 'next turn', 'answered']);
  });
});

describe('turnForLargeBody', () => {
  it("resolves in the event loop's next turn (after its timers) for a large body, at once for a small one", async () => {
    const order = async (bytes: number): Promise<string[]> => {
      const seen: string[] = [];
      setTimeout(() => seen.push('timer'), 1);
      const until = performance.now() + 3;
      while (performance.now() < until); // the timer is due before the turn ends
      await turnForLargeBody(bytes).then(() => seen.push('resolved'));
      await new Promise((r) => setTimeout(r, 5));
      return seen;
    };
    expect(await order(100)).toEqual(['resolved', 'timer']);
    expect(await order(YIELD_BEFORE_RESPOND_BYTES)).toEqual(['timer', 'resolved']);
  });
});
