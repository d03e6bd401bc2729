import type { RequestContext } from './context';
import { headerList, internalErrorAnswer, writeAnswer } from './respond';

/** The respond stage's one write (what is written is decided by core/rest/http.ts: tests/core/rest.test.ts). */

function fakeResponse() {
  const calls: string[] = [];
  const res = {
    headersSent: false,
    writableEnded: false,
    statusCode: 0,
    writeHead: (status: number, headers: string[]) => {
      res.statusCode = status;
      calls.push(`writeHead ${status} ${headers.join('|')}`);
    },
    end: (body?: Buffer) => {
      calls.push(`end ${body === undefined ? '-' : body.toString()}`);
      res.writableEnded = true;
    },
  };
  return { res, calls };
}

describe('respond: the one write', () => {
  it('writes the status and every header in one writeHead, then ends with the body in one call; records what was written', () => {
    const { res, calls } = fakeResponse();
    const ctx = { res, started: performance.now(), answer: null, written: false, durationMs: null } as unknown as RequestContext;
    const answer = { status: 201, headers: { 'Content-Type': 'text/plain', 'Content-Length': '2' }, body: Buffer.from('ok') };
    expect(writeAnswer(ctx, answer)).toBe(true);
    expect(res.statusCode).toBe(201);
    expect(calls).toEqual(['writeHead 201 Content-Type|text/plain|Content-Length|2', 'end ok']);
    expect(ctx.answer).toBe(answer);
    expect(ctx.written).toBe(true);
    expect(ctx.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a response already under way is only ended, never written twice', () => {
    const { res, calls } = fakeResponse();
    res.headersSent = true;
    const ctx = { res, started: 0, answer: null, written: false, durationMs: null } as unknown as RequestContext;
    expect(writeAnswer(ctx, internalErrorAnswer())).toBe(false);
    expect(calls).toEqual(['end -']);
    expect(ctx.written).toBe(false);
  });

  it('header names that differ only in case are one header, as setHeader makes them (first place, last name and value)', () => {
    expect(headerList({ Allow: 'GET', 'Cache-Control': 'no-cache', 'cache-control': 'private', Link: '<x>' })).toEqual(['Allow', 'GET', 'cache-control', 'private', 'Link', '<x>']);
    expect(headerList({})).toEqual([]);
  });

  it('the internal error is WordPress\'s envelope, no stack', () => {
    const answer = internalErrorAnswer();
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body!.toString()).code).toBe('internal_server_error');
  });
});
