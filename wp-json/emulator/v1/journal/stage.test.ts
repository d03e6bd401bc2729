import type { RequestContext } from '../../../../core/pipeline/context';
import { Journal } from './journal';
import { journalStage } from './stage';

/** The after-response stage of the journal: what it takes from the context (redaction: tests/emulator-journal.test.ts). */

function answered(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    method: 'POST',
    url: '/wp-json/x/v1/token?q=1',
    route: '/x/v1/token',
    namespace: 'x/v1',
    arrived: Date.UTC(2030, 0, 1),
    req: { headers: { 'content-type': 'application/json', authorization: 'Bearer abcdefgh12345' } },
    // After one writeHead with a header list Node keeps no header object: getHeaders() is empty.
    res: { statusCode: 201, getHeaders: () => ({}) },
    body: Buffer.from('{"name":"n","password":"hunter22hunter22"}'),
    auth: { user: { login: 'admin' }, method: 'application-password', failure: null },
    fault: { id: 'f-1' },
    secrets: new Set<string>(),
    written: true,
    answer: { status: 201, headers: { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': '27' }, body: Buffer.from('{"token":"secret-token-123"}') },
    durationMs: 4.2,
    ...overrides,
  } as unknown as RequestContext;
}

describe('journal stage', () => {
  it('records the request and the answer the pipeline wrote, redacted when read', () => {
    const journal = new Journal(10);
    journalStage(journal, () => false).afterResponse!(answered());
    const [entry] = journal.list();
    expect(entry).toMatchObject({ method: 'POST', path: '/wp-json/x/v1/token?q=1', route: '/x/v1/token', namespace: 'x/v1', status: 201, durationMs: 4.2, user: 'admin', auth: { method: 'application-password', failure: null }, fault: 'f-1', time: '2030-01-01T00:00:00.000Z' });
    expect(entry!.request.body).toEqual({ name: 'n', password: '[redacted]' });
    expect(entry!.request.headers.authorization).toBe('[redacted]');
    expect(entry!.response.body).toEqual({ token: '[redacted]' });
    // The answer's own headers, named as Node's getHeaders() names them.
    expect(entry!.response.headers).toEqual({ 'content-type': 'application/json; charset=UTF-8', 'content-length': '27' });
    expect(journal.bytes).toBeGreaterThan(512);
  });

  it('a page the host wrote is kept by its headers, its body as a summary', () => {
    const journal = new Journal(10);
    journalStage(journal, () => false).afterResponse!(answered({ written: false, answer: null, route: null, namespace: null, url: '/', res: { statusCode: 200, getHeaders: () => ({ 'content-type': 'application/json; charset=UTF-8', 'content-length': '27' }) } as unknown as RequestContext['res'] }));
    expect(journal.list()[0]!.response.body).toBe('[27 bytes of application/json; charset=UTF-8]');
  });

  it('skips exempt requests', () => {
    const journal = new Journal(10);
    journalStage(journal, () => true).afterResponse!(answered());
    expect(journal.length).toBe(0);
  });
});
