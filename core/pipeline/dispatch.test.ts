import { WpError } from '../rest/errors';
import { RestResponse } from '../rest/response';
import { RestServer } from '../rest/server';
import { ANONYMOUS, type Authentication, type RequestContext } from './context';
import { bodyFailureError, dispatchRest } from './dispatch';

/** The dispatch stage: throttle and body errors first, then the REST server. */

const server = new RestServer(() => ({ name: 't', description: '', url: 'http://t.test', applicationPasswords: true }));
server.registerNamespace('v/v1', { onCoreError: (error) => new RestResponse({ vendorError: error.code }, error.status) });
server.registerRoute('v/v1', '/thing', { methods: ['PUT'], handler: (req) => ({ method: req.method, a: req.param('a') ?? null }) });

function ctx(url: string, overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    method: 'POST',
    url,
    route: '/v/v1/thing',
    namespace: 'v/v1',
    req: { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    body: Buffer.from('a=1'),
    bodyError: null,
    auth: ANONYMOUS,
    ip: '127.0.0.1',
    secrets: new Set<string>(),
    ...overrides,
  } as unknown as RequestContext;
}

describe('dispatch stage', () => {
  it('applies _method, reads the form body and dispatches', async () => {
    const { response } = await dispatchRest(ctx('/wp-json/v/v1/thing?_method=put'), server);
    expect(response.data).toEqual({ method: 'PUT', a: '1' });
  });

  it('a throttled login is 429 in WordPress\'s envelope whatever the namespace, with Retry-After', async () => {
    const throttled: Authentication = { ...ANONYMOUS, attemptedLogin: 'admin', failure: 'throttled', retryAfter: 42 };
    const { response } = await dispatchRest(ctx('/wp-json/v/v1/thing', { auth: throttled }), server);
    expect(response.status).toBe(429);
    expect(response.getHeader('Retry-After')).toBe('42');
    expect((response.data as { code: string }).code).toBeDefined();
    expect(response.data).not.toHaveProperty('vendorError');
  });

  it('an authenticator\'s refusal is answered in WordPress\'s envelope instead of the route', async () => {
    const refusal = new WpError('rest_cookie_invalid_nonce', 'Cookie check failed', { status: 403 });
    const { response } = await dispatchRest(ctx('/wp-json/v/v1/thing?_method=put', { auth: { ...ANONYMOUS, failure: 'wrong-password', refusal } }), server);
    expect(response.status).toBe(403);
    expect(response.data).toEqual({ code: 'rest_cookie_invalid_nonce', message: 'Cookie check failed', data: { status: 403 } });
  });

  it('a body that could not be read answers in the namespace\'s envelope', async () => {
    const { response } = await dispatchRest(ctx('/wp-json/v/v1/thing', { bodyError: bodyFailureError('too-large', 10) }), server);
    expect(response.status).toBe(413);
    expect(response.data).toEqual({ vendorError: 'rest_request_too_large' });
  });
});
