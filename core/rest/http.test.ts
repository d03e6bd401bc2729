import { ANONYMOUS, type RequestContext } from '../pipeline/context';
import type { DispatchResult } from '../pipeline/dispatch';
import { restAnswer } from './http';
import { RestResponse } from './response';
import { RestServer } from './server';

/** The respond stage's decision for a REST answer: status, headers, global parameters, encoding. */

const server = new RestServer(() => ({ name: 't', description: '', url: 'http://t.test', applicationPasswords: true }));
server.registerNamespace('plain/v1', { json: 'plain' });

const ctx = (method = 'GET', headers: Record<string, string> = {}, loggedIn = false) =>
  ({ method, req: { headers }, auth: loggedIn ? { ...ANONYMOUS, user: { login: 'a' }, failure: null } : ANONYMOUS }) as unknown as RequestContext;
const result = (response: RestResponse, query: Record<string, unknown> = {}, namespace: string | null = null): DispatchResult => ({ response, query, namespace });

describe('restAnswer', () => {
  it('encodes JSON as PHP does by default, plainly for a namespace that asks, with its length', () => {
    const data = { url: 'http://x/é' };
    const php = restAnswer(ctx(), result(new RestResponse(data)), server, 'http://t.test');
    expect(php.body!.toString()).toBe('{"url":"http:\\/\\/x\\/\\u00e9"}');
    expect(php.headers['Content-Length']).toBe(String(php.body!.length));
    expect(php.headers['Content-Type']).toBe('application/json; charset=UTF-8');
    const plain = restAnswer(ctx(), result(new RestResponse(data), {}, 'plain/v1'), server, 'http://t.test');
    expect(plain.body!.toString()).toBe('{"url":"http://x/é"}');
  });

  it('adds WordPress\'s headers; CORS for an Origin; no-cache for a logged-in user', () => {
    const anon = restAnswer(ctx('GET'), result(new RestResponse({})), server, 'http://t.test');
    expect(anon.headers).toMatchObject({ Link: '<http://t.test/wp-json/>; rel="https://api.w.org/"', 'X-Content-Type-Options': 'nosniff', Vary: 'Origin' });
    const cors = restAnswer(ctx('POST', { origin: 'https://app.test' }, true), result(new RestResponse({})), server, 'http://t.test');
    expect(cors.headers).toMatchObject({ 'Access-Control-Allow-Origin': 'https://app.test', 'Access-Control-Allow-Credentials': 'true', 'Cache-Control': 'no-cache, must-revalidate, max-age=0, no-store, private' });
  });

  it('_envelope wraps status and headers in a 200; _fields keeps the fields asked for', () => {
    const enveloped = restAnswer(ctx(), result(new RestResponse({ a: 1 }, 404, { 'X-A': 'b' }), { _envelope: '1' }), server, 'http://t.test');
    expect(enveloped.status).toBe(200);
    expect(JSON.parse(enveloped.body!.toString())).toEqual({ body: { a: 1 }, status: 404, headers: { 'X-A': 'b' } });
    const fields = restAnswer(ctx(), result(new RestResponse({ a: 1, b: 2 }), { _fields: 'a' }), server, 'http://t.test');
    expect(JSON.parse(fields.body!.toString())).toEqual({ a: 1 });
  });

  it('no body for HEAD, 204 or null data; a route\'s own non-JSON text is sent as is', () => {
    expect(restAnswer(ctx('HEAD'), result(new RestResponse({ a: 1 })), server, 'http://t.test').body).toBeNull();
    expect(restAnswer(ctx(), result(new RestResponse(null, 204)), server, 'http://t.test').body).toBeNull();
    const text = restAnswer(ctx(), result(new RestResponse('<xml/>', 200, { 'Content-Type': 'text/xml' })), server, 'http://t.test');
    expect(text.body!.toString()).toBe('<xml/>');
    expect(text.headers['Content-Type']).toBe('text/xml');
  });
});
