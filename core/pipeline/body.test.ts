import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { readBody } from './body';

/** Reading a request body (over a real socket, with every refusal's envelope: tests/core/body.test.ts). */

function incoming(chunks: Buffer[], headers: Record<string, string>): IncomingMessage {
  const stream = Readable.from(chunks, { objectMode: false }) as unknown as IncomingMessage;
  Object.assign(stream, { headers, complete: false });
  stream.once('end', () => Object.assign(stream, { complete: true }));
  return stream;
}

describe('receive: the request body', () => {
  it('reads a body, whole, in several chunks', async () => {
    const read = await readBody(incoming([Buffer.from('ab'), Buffer.from('cd')], { 'transfer-encoding': 'chunked' }), 100);
    expect(read).toEqual({ body: Buffer.from('abcd'), failure: null });
  });

  it('a request without a body (no length, not chunked) is empty at once', async () => {
    expect((await readBody(incoming([], {}), 100)).body.length).toBe(0);
  });

  it('inflates gzip and counts the limit on the inflated bytes', async () => {
    const gz = zlib.gzipSync(Buffer.from('x'.repeat(50)));
    expect((await readBody(incoming([gz], { 'content-encoding': 'gzip', 'transfer-encoding': 'chunked' }), 100)).body.toString()).toBe('x'.repeat(50));
    expect((await readBody(incoming([zlib.gzipSync(Buffer.from('x'.repeat(500)))], { 'content-encoding': 'gzip', 'transfer-encoding': 'chunked' }), 100)).failure).toBe('too-large');
  });

  it('refuses a declared length over the limit, a chunked body growing over it, an unknown encoding, a short body', async () => {
    expect((await readBody(incoming([Buffer.alloc(10)], { 'content-length': '200' }), 100)).failure).toBe('too-large');
    expect((await readBody(incoming([Buffer.alloc(60), Buffer.alloc(60)], { 'transfer-encoding': 'chunked' }), 100)).failure).toBe('too-large');
    expect((await readBody(incoming([Buffer.alloc(10)], { 'content-encoding': 'compress', 'content-length': '10' }), 100)).failure).toBe('unsupported-encoding');
    expect((await readBody(incoming([Buffer.alloc(5)], { 'content-length': '10' }), 100)).failure).toBe('unreadable');
  });
});
