import type { IncomingMessage, ServerResponse } from 'node:http';
import { createClock } from '../clock';
import { RestServer } from '../rest/server';
import { receiveContext } from './receive';

/** The receive stage: the context a request starts with. */

const server = new RestServer(() => ({ name: 't', description: '', url: 'http://t.test', applicationPasswords: true }));
server.registerNamespace('acme/v1');

describe('receive stage', () => {
  it('works out route, namespace, address and arrival once; starts anonymous with no body', () => {
    const req = { method: 'POST', socket: { remoteAddress: '::ffff:10.1.2.3' } } as unknown as IncomingMessage;
    const res = {} as ServerResponse;
    const ctx = receiveContext(req, res, '/wp-json/acme/v1/token?x=1', server, createClock('2030-01-01T00:00:00Z'));
    expect(ctx).toMatchObject({ method: 'POST', url: '/wp-json/acme/v1/token?x=1', route: '/acme/v1/token', namespace: 'acme/v1', ip: '10.1.2.3', arrived: Date.UTC(2030, 0, 1) });
    expect(ctx.auth).toMatchObject({ user: null, failure: 'no-credentials' });
    expect(ctx.body.length).toBe(0);
    expect(ctx.answer).toBeNull();
    expect(ctx.req).toBe(req);
  });

  it('a page that is not REST has no route and no namespace', () => {
    const ctx = receiveContext({ method: 'GET', socket: null } as unknown as IncomingMessage, {} as ServerResponse, '/about', server, createClock());
    expect(ctx.route).toBeNull();
    expect(ctx.namespace).toBeNull();
    expect(ctx.ip).toBe('');
  });
});
