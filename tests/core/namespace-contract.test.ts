import request from 'supertest';
import { defineNamespace } from '../../core/namespace';
import { RestResponse } from '../../core/rest/response';
import { RestRequest } from '../../core/rest/request';
import { checkArgs } from '../../core/validation';
import { createApp } from '../../plugin/app';
import { allNamespaces } from '../../plugin/namespaces';
import { standardApp } from '../helpers';

/** defineNamespace: settings typed from their spec (checked by the type check: see the @ts-expect-error lines), declared args answered in the namespace's envelope. */
describe('the namespace contract', () => {
  const seen: unknown[] = [];
  const module = defineNamespace({
    id: 'contract',
    namespace: 'contract/v1',
    settings: {
      CONTRACT_MODE: { type: 'enum', values: ['docs', 'live'], default: 'docs', doc: 'Profile.' },
      CONTRACT_LIMIT: { type: 'integer', default: 5, min: 1, max: 10, doc: 'A limit.' },
      CONTRACT_URL: { type: 'url', doc: 'No default: may be undefined.' },
    },
    errorEnvelope: { example: '{"failure": "..."}', isError: (b) => typeof (b as { failure?: unknown })?.failure === 'string' },
    register(ctx) {
      const mode: 'docs' | 'live' = ctx.settings.CONTRACT_MODE;
      const limit: number = ctx.settings.CONTRACT_LIMIT;
      const url: string | undefined = ctx.settings.CONTRACT_URL;
      // @ts-expect-error a setting with no default may be undefined
      const definite: string = ctx.settings.CONTRACT_URL;
      // @ts-expect-error a setting the module does not declare
      void ctx.settings.CONTRACT_OTHER;
      seen.push(mode, limit, url, definite);
      ctx.rest.registerNamespace('contract/v1', { onCoreError: (error) => new RestResponse({ failure: error.message }, error.status) });
      ctx.rest.registerRoute('contract/v1', '/echo', {
        methods: ['POST'],
        args: { n: { type: 'integer', required: true, maximum: limit } },
        handler: (req) => ({ n: req.param('n') }),
      });
    },
  });

  it('gives register its settings, typed and with their declared defaults', async () => {
    seen.length = 0;
    const emu = await createApp({ namespaces: [module], settings: { CONTRACT_MODE: 'live' } });
    expect(seen).toEqual(['live', 5, undefined, undefined]);
    await emu.close();
  });

  it('checks declared args before the handler and answers in the envelope; valid ones arrive coerced', async () => {
    const emu = await createApp({ namespaces: [module] });
    const bad = await request(emu.app).post('/wp-json/contract/v1/echo').send({ n: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ failure: 'Invalid parameter(s): n' });
    expect(module.errorEnvelope!.isError(bad.body)).toBe(true);
    const ok = await request(emu.app).post('/wp-json/contract/v1/echo').send({ n: '3' });
    expect(ok.body).toEqual({ n: 3 });
    await emu.close();
  });
});

describe("every namespace answers the shared validator's errors in its own envelope", () => {
  const failed = checkArgs({ n: { type: 'integer', required: true } }, { n: 'x' });
  const missing = checkArgs({ n: { type: 'integer', required: true } }, {});

  it.each(allNamespaces.filter((m) => m.errorEnvelope).map((m) => [m.namespace, m] as const))('%s', async (namespace, module) => {
    const emu = await standardApp();
    try {
      const options = emu.site.rest.namespaceOptions(namespace);
      const req = new RestRequest('POST', `/${namespace}/probe`, {}, {}, {}, undefined, null, Buffer.alloc(0), null, null, '127.0.0.1');
      for (const result of [failed, missing]) {
        if (result.ok) throw new Error('expected an error');
        const answer = options.onCoreError!(result.error, req);
        expect(answer?.status).toBe(400);
        expect(module.errorEnvelope!.isError(answer!.data)).toBe(true);
      }
    } finally {
      await emu.close();
    }
  });
});
