import request from 'supertest';
import { redactValue } from '../../core/redact';
import { RestRequest } from '../../core/rest/request';
import type { EmulatorApp } from '../../plugin/app';
import { ADMIN_PASSWORD, asAdmin, asEditor, basic, standardApp } from '../helpers';
import { testNamespace } from './test-namespace';

let emu: EmulatorApp;
beforeAll(async () => {
  emu = await standardApp({ namespaces: [testNamespace], settings: { SITE_URL: 'http://example.test', BODY_LIMIT: 2048 } });
});
afterAll(() => emu.close());

const api = () => request(emu.app);

describe('WordPress error table', () => {
  it('unknown path → 404 rest_no_route', async () => {
    const res = await api().get('/wp-json/test/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
  });

  it('wrong method on a known path → 404 rest_no_route (there is no 405)', async () => {
    const res = await api().get('/wp-json/test/v1/admin-ping').set('Authorization', asAdmin);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('rest_no_route');
  });

  it('malformed JSON with a JSON Content-Type → 400 rest_invalid_json with PHP error code and message', async () => {
    const res = await api().post('/wp-json/test/v1/body').set('Content-Type', 'application/json').send('{"value":');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'rest_invalid_json', message: 'Invalid JSON body passed.', data: { status: 400, json_error_code: 4, json_error_message: 'Syntax error' } });
  });

  it('invalid UTF-8 in a JSON body → rest_invalid_json with json_error_code 5', async () => {
    const res = await api().post('/wp-json/test/v1/body').set('Content-Type', 'application/json').serialize((body: unknown) => body as string).send(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) as unknown as string);
    expect(res.status).toBe(400);
    expect(res.body.data.json_error_code).toBe(5);
  });

  it('JSON nested deeper than 512 levels → rest_invalid_json (Maximum stack depth exceeded)', async () => {
    const res = await api().post('/wp-json/test/v1/body').set('Content-Type', 'application/json').send('['.repeat(600) + ']'.repeat(600));
    expect(res.status).toBe(400);
    expect(res.body.data).toMatchObject({ json_error_code: 1, json_error_message: 'Maximum stack depth exceeded' });
  });

  it('a malformed body without a JSON Content-Type is not parsed (no error)', async () => {
    const res = await api().post('/wp-json/test/v1/body').set('Content-Type', 'text/plain').send('{"value":');
    expect(res.status).toBe(200);
    expect(res.body.json).toBeNull();
  });

  it('required arg missing → 400 rest_missing_callback_param with data.params', async () => {
    const res = await api().get('/wp-json/test/v1/echo');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'rest_missing_callback_param', message: 'Missing parameter(s): n', data: { status: 400, params: ['n'] } });
  });

  it('arg failing its schema → 400 rest_invalid_param with params and details', async () => {
    const res = await api().get('/wp-json/test/v1/echo?n=abc&mode=c');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('rest_invalid_param');
    expect(res.body.message).toBe('Invalid parameter(s): n, mode');
    expect(res.body.data.params).toEqual({ n: 'n is not of type integer.', mode: 'mode is not one of a and b.' });
    expect(res.body.data.details.n).toEqual({ code: 'rest_invalid_type', message: 'n is not of type integer.', data: { param: 'n' } });
  });

  it('a value below its minimum → rest_invalid_param rest_out_of_bounds', async () => {
    const res = await api().get('/wp-json/test/v1/echo?n=0');
    expect(res.status).toBe(400);
    expect(res.body.data.details.n.code).toBe('rest_out_of_bounds');
  });

  it('coerces args like WordPress: "5" → 5, "true" → true, "a,b" → [a, b]', async () => {
    const res = await api().get('/wp-json/test/v1/echo?n=5&flag=true&tags=a,b');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ n: 5, mode: 'a', flag: true, tags: ['a', 'b'] });
  });

  it('permission false → 401 rest_forbidden when anonymous', async () => {
    const res = await api().post('/wp-json/test/v1/admin-ping');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } });
  });

  it('permission false → 403 rest_forbidden when logged in', async () => {
    const res = await api().post('/wp-json/test/v1/admin-ping').set('Authorization', asEditor);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('rest_forbidden');
  });

  it('a permission callback returning an error sends that error', async () => {
    const res = await api().get('/wp-json/test/v1/custom-permission');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('test_denied');
  });

  it('validation (400) comes before permission (401)', async () => {
    const res = await api().post('/wp-json/test/v1/items').send({});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('rest_missing_callback_param');
  });

  it('a handler that throws → 500 with no stack trace or internals', async () => {
    const res = await api().get('/wp-json/test/v1/boom');
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal_server_error');
    expect(res.text).not.toMatch(/secret internals|\.ts:|at /);
  });

  it('a handler returning a WpError sends its code, message and data', async () => {
    const res = await api().get('/wp-json/test/v1/error');
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ code: 'test_teapot', message: 'I am a teapot.', data: { status: 418, extra: 'x' } });
  });

  it('a body over the limit → 413 in the WordPress envelope', async () => {
    const res = await api().post('/wp-json/test/v1/body').set('Content-Type', 'application/json').send(JSON.stringify({ value: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'rest_request_too_large', data: { status: 413 } });
  });
});

describe('WordPress headers', () => {
  it('every REST response has the WordPress headers', async () => {
    const res = await api().get('/wp-json/test/v1/nope');
    expect(res.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(res.headers['x-robots-tag']).toBe('noindex');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers.link).toBe('<http://example.test/wp-json/>; rel="https://api.w.org/"');
    expect(res.headers['access-control-expose-headers']).toBe('X-WP-Total, X-WP-TotalPages, Link');
    expect(res.headers['access-control-allow-headers']).toBe('Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('an Origin header gets the CORS headers and Vary: Origin', async () => {
    const res = await api().get('/wp-json/').set('Origin', 'https://client.example').set('Authorization', asAdmin);
    expect(res.headers['access-control-allow-origin']).toBe('https://client.example');
    expect(res.headers['access-control-allow-methods']).toBe('OPTIONS, GET, POST, PUT, PATCH, DELETE');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers.vary).toBe('Origin');
  });

  it('anonymous GET adds Vary: Origin; anonymous POST and authenticated GET do not', async () => {
    expect((await api().get('/wp-json/')).headers.vary).toBe('Origin');
    expect((await api().post('/wp-json/test/v1/admin-ping')).headers.vary).toBeUndefined();
    expect((await api().get('/wp-json/').set('Authorization', asAdmin)).headers.vary).toBeUndefined();
  });

  it('authenticated responses are not cacheable', async () => {
    const res = await api().get('/wp-json/test/v1/both').set('Authorization', asAdmin);
    expect(res.headers.expires).toBe('Wed, 11 Jan 1984 05:00:00 GMT');
    expect(res.headers['cache-control']).toBe('no-cache, must-revalidate, max-age=0, no-store, private');
    const anon = await api().get('/wp-json/test/v1/both');
    expect(anon.headers['cache-control']).toBeUndefined();
  });

  it('Allow lists only the methods the current user may use', async () => {
    expect((await api().get('/wp-json/test/v1/both')).headers.allow).toBe('GET');
    expect((await api().get('/wp-json/test/v1/both').set('Authorization', asAdmin)).headers.allow).toBe('GET, POST, PUT, PATCH');
    expect((await api().post('/wp-json/test/v1/admin-ping')).headers.allow).toBeUndefined();
    expect((await api().post('/wp-json/test/v1/admin-ping').set('Authorization', asAdmin)).headers.allow).toBe('POST');
    expect((await api().get('/wp-json/test/v1/nope')).headers.allow).toBeUndefined();
  });

  it('204 and null bodies send no body', async () => {
    const created = await api().post('/wp-json/test/v1/items').set('Authorization', asAdmin).send({ name: 'to-delete' });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`http://example.test/wp-json/test/v1/items/${created.body.id}`);
    const res = await api().delete(`/wp-json/test/v1/items/${created.body.id}`).set('Authorization', asAdmin);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
  });

  it('JSON is encoded as PHP does: escaped slashes and non-ASCII', async () => {
    const res = await api().post('/wp-json/test/v1/body').set('Content-Type', 'application/json').send({ value: 'a/b é' });
    expect(res.text).toContain('"value":"a\\/b \\u00e9"');
  });
});

describe('request handling', () => {
  it('?rest_route= works like /wp-json/', async () => {
    const res = await api().get('/?rest_route=/test/v1/echo&n=2');
    expect(res.status).toBe(200);
    expect(res.body.n).toBe(2);
  });

  it('HEAD uses the GET handler and sends no body', async () => {
    const res = await api().head('/wp-json/test/v1/echo?n=1');
    expect(res.status).toBe(200);
    expect(res.text).toBeUndefined();
  });

  it('OPTIONS answers the route entry and Allow', async () => {
    const res = await api().options('/wp-json/test/v1/both').set('Authorization', asAdmin);
    expect(res.status).toBe(200);
    expect(res.headers.allow).toBe('GET, POST, PUT, PATCH');
    expect(res.body).toMatchObject({ namespace: 'test/v1', methods: ['GET', 'POST', 'PUT', 'PATCH'] });
    expect(res.body.endpoints).toHaveLength(2);
  });

  it('OPTIONS on an unknown route answers 200 with an empty list, as WordPress does', async () => {
    const res = await api().options('/wp-json/test/v1/nope');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('?_method= and X-HTTP-Method-Override override the method', async () => {
    const viaQuery = await api().get('/wp-json/test/v1/admin-ping?_method=POST').set('Authorization', asAdmin);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body.pong).toBe(true);
    const viaHeader = await api().get('/wp-json/test/v1/both').set('X-HTTP-Method-Override', 'PATCH').set('Authorization', asAdmin);
    expect(viaHeader.body).toEqual({ edited: true, method: 'PATCH' });
  });

  it('?_envelope answers 200 with {body, status, headers}', async () => {
    const res = await api().post('/wp-json/test/v1/admin-ping?_envelope');
    expect(res.status).toBe(200);
    // PHP encodes the empty headers array as [] (recorded from WordPress 6.8).
    expect(res.body).toEqual({ body: { code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } }, status: 401, headers: [] });
  });

  it('?_fields= filters success bodies, nested paths included, and not errors', async () => {
    const res = await api().get('/wp-json/test/v1/echo?n=3&_fields=n,nested.b');
    expect(res.body).toEqual({ n: 3, nested: { b: 2 } });
    const err = await api().get('/wp-json/test/v1/echo?_fields=n');
    expect(err.body.code).toBe('rest_missing_callback_param');
  });

  it('parameter precedence: JSON body over query', async () => {
    const res = await api().post('/wp-json/test/v1/body?value=query').set('Content-Type', 'application/json').send({ value: 'json' });
    expect(res.body.value).toBe('json');
  });

  it('form bodies are parsed, with PHP-style brackets', async () => {
    const res = await api().post('/wp-json/test/v1/body').type('form').send('value=form&list[]=a&list[]=b');
    expect(res.body.form).toEqual({ value: 'form', list: ['a', 'b'] });
    expect(res.body.value).toBe('form');
  });

  it('routes match case-insensitively, as WordPress matches them', async () => {
    const res = await api().get('/wp-json/TEST/v1/ECHO?n=1');
    expect(res.status).toBe(200);
  });
});

describe('application-password guard', () => {
  const ping = () => api().post('/wp-json/test/v1/admin-ping');

  it('accepts the raw and the chunked password, by login or e-mail', async () => {
    expect((await ping().set('Authorization', basic('admin', ADMIN_PASSWORD))).status).toBe(200);
    expect((await ping().set('Authorization', basic('admin', ADMIN_PASSWORD.replace(/ /g, '')))).status).toBe(200);
    expect((await ping().set('Authorization', basic('admin@localhost.com', ADMIN_PASSWORD))).status).toBe(200);
    expect((await ping().set('Authorization', basic('admin', ADMIN_PASSWORD.toLowerCase().replace(/ /g, '-')))).status).toBe(401);
  });

  it.each([
    ['a wrong password', basic('admin', 'AAAA BBBB CCCC DDDD EEEE FFFE')],
    ['an unknown user', basic('nobody', ADMIN_PASSWORD)],
    ['the login password', basic('admin', 'password')],
    ["another user's application password", basic('admin', 'GGGG HHHH IIII JJJJ KKKK LLLL')],
    ['bad base64', 'Basic %%%not-base64%%%'],
    ['no colon', 'Basic ' + Buffer.from('adminAAAABBBB').toString('base64')],
    ['an empty Basic header', 'Basic '],
    ['a Bearer token', 'Bearer abc'],
  ])('%s makes the request anonymous: 401 rest_forbidden, no challenge', async (_name, header) => {
    const res = await ping().set('Authorization', header);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('rest_forbidden');
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('bad credentials on a public route answer normally', async () => {
    const res = await api().get('/wp-json/test/v1/echo?n=1').set('Authorization', basic('admin', 'wrong'));
    expect(res.status).toBe(200);
  });

  it('records last use at most once a day, by the clock', async () => {
    const before = emu.applicationPasswords.get(1, '11111111-1111-4111-8111-111111111111')!;
    await ping().set('Authorization', asAdmin);
    const first = emu.applicationPasswords.get(1, '11111111-1111-4111-8111-111111111111')!;
    expect(first.lastUsed).not.toBeNull();
    expect(first.lastIp).toBe('127.0.0.1');
    emu.clock.advance(3600);
    await ping().set('Authorization', asAdmin);
    expect(emu.applicationPasswords.get(1, first.uuid)!.lastUsed).toBe(first.lastUsed);
    emu.clock.advance(86_400);
    await ping().set('Authorization', asAdmin);
    expect(emu.applicationPasswords.get(1, first.uuid)!.lastUsed).toBeGreaterThan(first.lastUsed!);
    expect(before.uuid).toBe(first.uuid);
  });
});

describe('discovery', () => {
  it('GET /wp-json/ and /?rest_route=/ return the index with application-passwords', async () => {
    for (const path of ['/wp-json/', '/?rest_route=/']) {
      const res = await api().get(path);
      expect(res.status).toBe(200);
      expect(res.body.namespaces).toEqual(['test/v1']);
      expect(res.body.authentication).toEqual({ 'application-passwords': { endpoints: { authorization: 'http://example.test/wp-admin/authorize-application.php' } } });
      expect(res.body.routes['/test/v1/echo'].endpoints[0].args.n).toEqual({ type: 'integer', minimum: 1, required: true });
      expect(res.body.routes['/test/v1/items/(?P<id>[\\d]+)']._links).toBeUndefined();
      expect(res.body.routes['/test/v1/echo']._links.self[0].href).toBe('http://example.test/wp-json/test/v1/echo');
    }
  });

  it('a namespace index lists its routes and links up', async () => {
    for (const path of ['/wp-json/test/v1', '/wp-json/test/v1/']) {
      const res = await api().get(path);
      expect(res.status).toBe(200);
      expect(res.body.namespace).toBe('test/v1');
      expect(Object.keys(res.body.routes)).toContain('/test/v1/admin-ping');
      expect(res.body._links.up[0].href).toBe('http://example.test/wp-json/');
    }
  });

  it('the site root is an HTML page with the API Link header', async () => {
    const res = await api().get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers.link).toBe('<http://example.test/wp-json/>; rel="https://api.w.org/"');
    expect(res.text).toContain('http://example.test/wp-json/');
  });

  it("the site root shows the site's name and description escaped as esc_html() does", async () => {
    const site = await standardApp({ settings: { SITE_NAME: 'Tom & Jerry <b>', SITE_DESCRIPTION: `"Quotes" 'and' &amp; an entity` } });
    const res = await request(site.app).get('/');
    expect(res.text).toContain('<title>Tom &amp; Jerry &lt;b&gt;</title>');
    expect(res.text).toContain('<h1>Tom &amp; Jerry &lt;b&gt;</h1>');
    // An entity already there is kept, not encoded twice (esc_html).
    expect(res.text).toContain('<p>&quot;Quotes&quot; &#039;and&#039; &amp; an entity</p>');
    await site.close();
  });
});

describe('request data cannot change prototypes', () => {
  it('a JSON key __proto__ stays an ordinary parameter', () => {
    const json = JSON.parse('{"__proto__":{"polluted":true},"value":1}');
    const req = new RestRequest('POST', '/x', { 'content-type': 'application/json' }, {}, {}, json, null, Buffer.alloc(0), null, null, '127.0.0.1');
    const params = req.params();
    expect((params as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(params, '__proto__')).toBe(true);
    const redacted = redactValue(json) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(redacted, '__proto__')).toBe(true);
    expect((redacted as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
