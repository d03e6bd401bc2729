import request from 'supertest';
import type { EmulatorApp } from '../../../../plugin/app';
import { asAdmin, standardApp } from '../../../../tests/helpers';
import { emulator } from '..';
import { JournalFilterError } from '../journal/journal';
import { FaultError, checkFault } from './spec';

/**
 * One declaration per parameter object (FAULT_ARGS, JOURNAL_FILTER_ARGS) checked by core/validation:
 * over HTTP (the route's declared args) and in process (emu.faults.add, emu.journal.list) a mistake
 * gets the same field and the same message.
 */

const E = '/wp-json/emulator/v1';
let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp({ namespaces: [emulator] });
});
afterEach(async () => {
  await emu.close();
});

function thrown(run: () => unknown): { param: string; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof FaultError || e instanceof JournalFilterError) return { param: e.param, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

describe('a fault spec: the same answer over HTTP and in process', () => {
  it.each([
    ['a status out of range', { path: '/x', status: 99 }, 'status', 'status must be between 200 (inclusive) and 599 (inclusive)'],
    ['a latency too long', { path: '/x', latencyMs: 600000 }, 'latencyMs', 'latencyMs must be between 0 (inclusive) and 60000 (inclusive)'],
    ['times 0', { path: '/x', status: 500, times: 0 }, 'times', 'times must be greater than or equal to 1'],
    ['a fractional status', { path: '/x', status: 500.5 }, 'status', 'status is not of type integer.'],
    ['an invalid method', { path: '/x', status: 500, method: 'GE T' }, 'method', 'method does not match pattern ^(\\*|[A-Za-z]*)$.'],
    ['a path not starting with /', { path: 'wp-json/x', status: 500 }, 'path', 'path does not match pattern ^/.'],
    ['an empty pathRegex', { pathRegex: '', status: 500 }, 'pathRegex', 'pathRegex must be at least 1 character long.'],
    ['an invalid regex', { pathRegex: '(', status: 500 }, 'pathRegex', expect.stringMatching(/^pathRegex is not a valid regular expression: /)],
    ['a header with a newline', { path: '/x', status: 500, headers: { 'X-A': 'a\nb' } }, 'headers', 'headers.X-A must be a valid header name with a single-line string value.'],
    ['a header the server sets', { path: '/x', status: 500, headers: { 'Content-Length': '3' } }, 'headers', 'headers.Content-Length is set by the server.'],
    ['no path', { status: 500 }, 'path', 'path (a glob such as /wp-json/purewl/v1/**) or pathRegex is required.'],
    ['both path and pathRegex', { path: '/x', pathRegex: 'x', status: 500 }, 'path', 'Give path (a glob) or pathRegex, not both.'],
    ['neither status nor latency', { path: '/x' }, 'status', 'A fault needs a status to answer with, a latencyMs to add, or both.'],
    ['a body without a status', { path: '/x', latencyMs: 5, body: { a: 1 } }, 'body', 'body is only sent with a status.'],
  ])('%s', async (_name, spec, param, message) => {
    const res = await request(emu.app).post(`${E}/faults`).set('Authorization', asAdmin).send(spec);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('rest_invalid_param');
    expect(res.body.data.params).toEqual({ [param]: message });
    expect(thrown(() => emu.faults.add(spec))).toEqual({ param, message });
    expect(emu.faults.list()).toEqual([]);
  });

  it('coerces as a route does: defaults filled, method upper-cased, a RegExp path kept in process', () => {
    expect(checkFault({ path: '/x', status: '503', method: 'post' })).toMatchObject({ method: 'POST', path: '/x', status: 503, latencyMs: 0, times: null, headers: {} });
    expect(checkFault({ path: /x$/, latencyMs: 5, times: null }).regex.test('/ax')).toBe(true);
    expect(() => checkFault(null)).toThrow(FaultError);
  });
});

describe('a journal filter: the same answer over HTTP and in process', () => {
  it.each([
    ['a status that is not one', { status: 'teapot' }, 'status', 'status is a status (503), a class (5xx) or a comma-separated list of them; "teapot" is neither.'],
    ['a status list with a bad part', { status: '200,6xx' }, 'status', 'status is a status (503), a class (5xx) or a comma-separated list of them; "6xx" is neither.'],
    ['limit 0', { limit: 0 }, 'limit', 'limit must be greater than or equal to 1'],
    ['a fractional limit', { limit: 1.5 }, 'limit', 'limit is not of type integer.'],
    ['a path not starting with /', { path: 'wp-json/**' }, 'path', 'path does not match pattern ^(/|$).'],
  ])('%s', async (_name, filter, param, message) => {
    const query = new URLSearchParams(Object.entries(filter).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const res = await request(emu.app).get(`${E}/journal?${query}`).set('Authorization', asAdmin);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('rest_invalid_param');
    expect(res.body.data.params).toEqual({ [param]: message });
    expect(thrown(() => emu.journal.list(filter))).toEqual({ param, message });
  });

  it('accepts what a route accepts: numbers as strings, status lists as arrays, empty values as no filter', async () => {
    await request(emu.app).get('/wp-json/');
    await request(emu.app).get('/nowhere');
    expect(emu.journal.list({ status: [200, '2xx'], limit: '1' as unknown as number }).map((e) => e.path)).toEqual(['/wp-json/']);
    expect(emu.journal.list({ path: '', status: '', namespace: '' })).toHaveLength(2);
  });
});
