import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { EmulatorApp } from '../../plugin/app';
import { emulator } from '../../wp-json/emulator/v1';
import { standardApp } from '../helpers';
import { testNamespace } from './test-namespace';

// Request bodies over a real socket (core/rest/http.ts reads them): whole, chunked, empty or
// encoded ones read, and every refusal in the WordPress envelope, never a 500.

let emu: EmulatorApp;
let server: http.Server;
let port: number;
beforeAll(async () => {
  emu = await standardApp({ namespaces: [testNamespace, emulator], settings: { BODY_LIMIT: 2048 } });
  server = http.createServer(emu.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await emu.close();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** POSTs to the test namespace's echo route; `chunks` are written one by one (chunked unless `headers` give a length). */
function post(chunks: Buffer[], headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/wp-json/test/v1/body', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown> }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('request bodies', () => {
  it('reads a JSON body sent with a Content-Length', async () => {
    const body = json({ value: 'plain' });
    const res = await post([body], { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
    expect(res).toEqual({ status: 200, body: { json: { value: 'plain' }, form: {}, value: 'plain' } });
  });

  it('reads a chunked body sent in several pieces', async () => {
    const body = json({ value: 'é'.repeat(300) });
    const res = await post([body.subarray(0, 5), body.subarray(5, 301), body.subarray(301)], { 'Content-Type': 'application/json' });
    expect(res.status).toBe(200);
    expect(res.body.value).toBe('é'.repeat(300));
  });

  it('reads an empty body (Content-Length: 0) as no parameters', async () => {
    const res = await post([], { 'Content-Type': 'application/json', 'Content-Length': '0' });
    expect(res).toEqual({ status: 200, body: { json: null, form: {}, value: null } });
  });

  it('inflates a gzip body', async () => {
    const body = zlib.gzipSync(json({ value: 'zipped' }));
    const res = await post([body], { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
    expect(res).toEqual({ status: 200, body: { json: { value: 'zipped' }, form: {}, value: 'zipped' } });
  });

  it('treats Content-Encoding: identity as no encoding', async () => {
    const body = json({ value: 'same' });
    const res = await post([body], { 'Content-Type': 'application/json', 'Content-Encoding': 'Identity', 'Content-Length': String(body.length) });
    expect(res.body.value).toBe('same');
  });

  it('refuses an encoding it cannot decode with 415 in the WordPress envelope', async () => {
    const body = json({ value: 'x' });
    const res = await post([body], { 'Content-Type': 'application/json', 'Content-Encoding': 'x-unknown', 'Content-Length': String(body.length) });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: 'rest_unsupported_encoding', data: { status: 415 } });
  });

  it('refuses a declared length over BODY_LIMIT with 413, after reading the body (the client gets the answer)', async () => {
    const body = Buffer.alloc(3000, 'a');
    const res = await post([body], { 'Content-Type': 'text/plain', 'Content-Length': String(body.length) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'rest_request_too_large', data: { status: 413 } });
  });

  it('refuses a chunked body that grows over BODY_LIMIT with 413', async () => {
    const res = await post([Buffer.alloc(1500, 'a'), Buffer.alloc(1500, 'b')], { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'rest_request_too_large' });
  });

  it('a body at exactly BODY_LIMIT is read', async () => {
    const prefix = '{"value":"';
    const body = Buffer.from(prefix + 'v'.repeat(2048 - prefix.length - 2) + '"}');
    expect(body.length).toBe(2048);
    const res = await post([body], { 'Content-Type': 'application/json', 'Content-Length': '2048' });
    expect(res.status).toBe(200);
    expect((res.body.value as string).length).toBe(2048 - prefix.length - 2);
  });

  it('a client that goes away mid-body leaves the server answering the next request', async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('POST /wp-json/test/v1/body HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"value":');
        setImmediate(() => {
          socket.destroy();
          resolve();
        });
      });
      socket.on('error', reject);
    });
    const body = json({ value: 'after' });
    const res = await post([body], { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
    expect(res.body.value).toBe('after');
    // The cut request is answered (to nobody) with 400 in the WordPress envelope, never a 5xx; the
    // server may see the connection go only after it answered the next request.
    const cut = () => emu.journal.list({ path: '/wp-json/test/v1/body' }).filter((entry) => entry.status === 400);
    for (let turn = 0; turn < 200 && cut().length === 0; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(cut()).toHaveLength(1);
    expect(cut()[0]).toMatchObject({ status: 400, request: { body: null }, response: { body: { message: 'The request body could not be read.', data: { status: 400 } } } });
  });
});
