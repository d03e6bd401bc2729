import request from 'supertest';
import type { NamespaceModule } from '../../core/namespace';
import { RestResponse } from '../../core/rest/response';
import { asAdmin, standardApp } from '../helpers';
import { checkResponse } from './response-check';
import { documentOf } from './response-hook';

/** A namespace whose answers drift from what it declares: the hook must catch each kind of drift. */
const drifting: NamespaceModule = {
  id: 'drift',
  namespace: 'drift/v1',
  openapi: {
    operations: {
      'GET /shape': { responses: { 200: { schema: { type: 'object', required: ['ok'], properties: { ok: { const: true } } } } } },
      'GET /status': { responses: { 200: { schema: { type: 'object' } } } },
      'GET /text': { responses: { 200: { schema: { type: 'object' } } } },
    },
  },
  register(ctx) {
    ctx.rest.registerRoute('drift/v1', '/shape', { methods: ['GET'], handler: (req) => (req.query.bad ? { ok: 'yes' } : { ok: true }) });
    ctx.rest.registerRoute('drift/v1', '/status', { methods: ['GET'], handler: () => new RestResponse({ made: true }, 201) });
    ctx.rest.registerRoute('drift/v1', '/text', { methods: ['GET'], handler: () => new RestResponse({}, 200).header('Content-Type', 'text/plain') });
  },
};

describe('the response check every suite runs through tests/helpers.ts', () => {
  it('passes answers that match the document and fails each kind of drift: body schema, status, content type', async () => {
    const emu = await standardApp({ namespaces: [drifting] });
    try {
      await request(emu.app).get('/wp-json/drift/v1/shape').expect(200);
      await expect(request(emu.app).get('/wp-json/drift/v1/shape?bad=1')).rejects.toThrow(/OpenAPI response check: .*body does not match the schema/);
      await expect(request(emu.app).get('/wp-json/drift/v1/status')).rejects.toThrow(/OpenAPI response check: .*→ 201/);
      await expect(request(emu.app).get('/wp-json/drift/v1/text')).rejects.toThrow(/content type text\/plain/);
      // A path the document does not have may only answer an error in a declared envelope.
      await request(emu.app).get('/wp-json/drift/v1/nowhere').expect(404);
    } finally {
      await emu.close();
    }
  });

  it('checks a vendor answer against the site document: a success body in the error envelope is caught', async () => {
    const emu = await standardApp();
    try {
      const res = await request(emu.app).post('/wp-json/availo/v1/accounts').set('Authorization', asAdmin).send({ AccountCode: 'HOOK1' }).expect(201);
      const doc = documentOf(emu);
      const exchange = { method: 'POST', url: '/wp-json/availo/v1/accounts', status: 201, contentType: res.headers['content-type'], text: res.text };
      expect(checkResponse(doc, exchange)).toBeNull();
      expect(checkResponse(doc, { ...exchange, text: JSON.stringify({ Data: null, status: false, message: 'x' }) })).toMatch(/does not match/);
      expect(checkResponse(doc, { ...exchange, method: 'GET', url: '/wp-json/nowhere', status: 200 })).toMatch(/not in the document/);
    } finally {
      await emu.close();
    }
  });
});
