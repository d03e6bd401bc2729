import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { parseData } from '../../core/store';
import type { EmulatorApp } from '../../plugin/app';
import { createSite } from '../../plugin/site';
import { asAdmin, asEditor, standardApp } from '../helpers';
import { allNamespaces } from '../../plugin/namespaces';
import { declaredEnvelopes, isKnownErrorEnvelope, namespaceOfPath } from './envelopes';

/**
 * Property-based fuzzing of every route the emulator serves (read from its own discovery index, so
 * each namespace is covered as it lands): wrong types, missing and extra fields, huge and deeply
 * nested JSON, invalid UTF-8, odd Content-Types, bad Basic auth, path traversal in route params,
 * and (over raw sockets) duplicated and malformed headers. No 5xx, no crash, every body in its
 * namespace's envelope, and the store valid afterwards.
 *
 * npm test runs FUZZ_RUNS (default 500) requests; npm run test:reliability runs 10,000.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.RELIABILITY_FULL ? 10_000 : 500));
const RAW_RUNS = process.env.RELIABILITY_FULL ? 300 : 50;

let emu: EmulatorApp;
let server: http.Server;
let port: number;
let dir: string;
let routes: Array<{ pattern: string; methods: string[] }>;
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const stats = { requests: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-fuzz-'));
  emu = await standardApp({ settings: { DB_FILE: process.env.FUZZ_MEMORY ? ':memory:' : path.join(dir, 'db.json'), AUTH_THROTTLE: false, BODY_LIMIT: 65_536 } });
  server = emu.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
  const index = await send({ method: 'GET', path: '/wp-json/', headers: {}, body: undefined });
  routes = Object.entries(JSON.parse(index.text).routes as Record<string, { methods: string[] }>).map(([pattern, r]) => ({ pattern, methods: r.methods }));
});

afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
  await emu.close();
  fs.rmSync(dir, { recursive: true, force: true });
  // eslint-disable-next-line no-console
  if (process.env.RELIABILITY_FULL) console.log(`fuzz: ${stats.requests} requests`, Object.fromEntries(stats.byStatus));
});

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

function send(req: FuzzRequest): Promise<{ status: number; text: string; contentType: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers: req.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8'), contentType: String(res.headers['content-type'] ?? '') }));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/** Sends raw bytes (duplicated or malformed headers) and returns the status line's code (0 if the server closed without answering). */
function sendRaw(bytes: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    let data = '';
    // Not half-closed after sending: Node drops a request whose client has ended its side before an
    // asynchronous handler answers. Every request says Connection: close, so the server closes.
    socket.setTimeout(3000, () => socket.destroy());
    socket.on('data', (c) => (data += c.toString('latin1')));
    socket.on('close', () => {
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      resolve(m ? Number(m[1]) : 0);
    });
    socket.on('error', () => undefined);
    socket.write(bytes);
  });
}

// ---- generators ------------------------------------------------------------------------------

const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '../../etc/passwd', '..%2f..%2fetc%2fpasswd', '%00', '%', '%zz', '\u0000', 'me', '0', '-1', '99999999999999999999', 'null', 'true', '[]', '{}', '<script>', "' OR 1=1 --", 'ÿ', '😀'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const jsonLeaf: fc.Arbitrary<unknown> = fc.oneof(weirdString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(Number.MAX_SAFE_INTEGER));

const argNames = fc.constantFrom(
  'action', 'access_token', 'AccountCode', 'Password', 'grantType', 'secretKey', 'refreshToken', 'data', 'type', 'attributes', 'email_address', 'code',
  'name', 'token', 'parameterName', 'expiredTime', 'permissions', 'versionNo', 'id', 'size', 'page', 'q', 'app_id', 'uuid', 'context', 'advance', 'set', 'real', 'method', 'path', 'status', 'times', 'vendor', '__proto__', 'constructor',
);

const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, jsonLeaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(argNames, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 5 })),
})).value;

const body = fc.oneof(
  fc.constant(undefined),
  jsonValue.map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc.dictionary(argNames, jsonValue, { maxKeys: 6 }).map((v) => Buffer.from(JSON.stringify(v))),
  fc.record({ data: fc.record({ type: fc.oneof(fc.constant('access_tokens'), weirdString), attributes: fc.dictionary(argNames, jsonLeaf, { maxKeys: 3 }) }) }).map((v) => Buffer.from(JSON.stringify(v))),
  fc.integer({ min: 1, max: 3000 }).map((n) => Buffer.from('['.repeat(n) + ']'.repeat(n))), // deep nesting
  fc.integer({ min: 1, max: 3000 }).map((n) => Buffer.from('{"a":'.repeat(n))), // deep and truncated
  fc.integer({ min: 1_000, max: 80_000 }).map((n) => Buffer.from(JSON.stringify({ name: 'x'.repeat(n), action: 'y'.repeat(n) }))), // huge (some over the limit)
  fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)), // arbitrary bytes, invalid UTF-8 included
  fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), // {"a":"<invalid UTF-8>"}
  fc.dictionary(argNames, weirdString, { maxKeys: 5 }).map((v) => Buffer.from(new URLSearchParams(v as Record<string, string>).toString())),
  fc.constant(Buffer.from('a[b][c][d][e][f][g][h][i][j]=1&a[]=2&b[0][1][2]=x')),
);

const contentType = fc.constantFrom(
  undefined, 'application/json', 'application/json; charset=utf-8', 'application/vnd.api+json', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/xml', 'APPLICATION/JSON', 'application/json; charset=latin1', '*/*', ';;;', 'application/',
);

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constant(asAdmin),
  fc.constant(asEditor),
  fc.constant('Basic %%%'),
  fc.constant('Basic '),
  fc.constant('Bearer '),
  fc.constant('Basic ' + Buffer.from('admin').toString('base64')),
  fc.constant('Basic ' + Buffer.from(':').toString('base64')),
  weirdString.map((s) => 'Basic ' + Buffer.from(s).toString('base64')),
  weirdString.map((s) => 'Bearer ' + s.replace(/[^\x20-\x7e]/g, '')),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
);

const methodArb = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS');

/** Fills a route pattern's named groups with generated values (path traversal and encodings included). */
function fill(pattern: string, values: string[]): string {
  let i = 0;
  return pattern.replace(/\(\?P<\w+>(?:[^()]|\([^()]*\))*\)/g, () => encodeURIComponent(values[i++ % values.length] ?? 'x').replace(/%2F/gi, () => (i % 2 ? '/' : '%2F')));
}

const query = fc.dictionary(fc.oneof(argNames, fc.constantFrom('_method', '_envelope', '_fields', 'rest_route', 'X-AccessToken', 'token')), weirdString, { maxKeys: 4 });

function requestArb(): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      route: fc.constantFrom(...routes),
      useRouteMethod: fc.boolean(),
      method: methodArb,
      values: fc.array(weirdString, { minLength: 1, maxLength: 3 }),
      suffix: fc.constantFrom('', '/', '/extra', '/../..', '/%2e%2e/x', '//', '/x/y/z'),
      viaRestRoute: fc.boolean(),
      query,
      body,
      contentType,
      authorization,
      override: fc.option(methodArb, { nil: undefined }),
    })
    .map((g) => {
      const method = g.useRouteMethod ? g.route.methods[0] ?? 'GET' : g.method;
      const routePath = fill(g.route.pattern, g.values) + g.suffix;
      const qs = new URLSearchParams(g.query as Record<string, string>).toString();
      const path = g.viaRestRoute ? `/?rest_route=${encodeURIComponent(routePath)}${qs ? '&' + qs : ''}` : `/wp-json${routePath}${qs ? '?' + qs : ''}`;
      const headers: Record<string, string> = {};
      if (g.contentType) headers['Content-Type'] = g.contentType;
      if (g.authorization !== undefined) headers.Authorization = g.authorization;
      if (g.override) headers['X-HTTP-Method-Override'] = g.override;
      const sendBody = method !== 'GET' && method !== 'HEAD' ? g.body : undefined;
      if (sendBody) headers['Content-Length'] = String(sendBody.length);
      return { method, path, headers, body: sendBody };
    });
}

// ---- properties ------------------------------------------------------------------------------

describe(`fuzz: ${RUNS} generated requests over every route`, () => {
  it("takes each namespace's error envelope from its module, and each recognizes its own example", () => {
    const envelopes = declaredEnvelopes();
    expect([...envelopes.keys()]).toEqual(expect.arrayContaining(['availo/v1', 'purewl/v1', 'pkmnapi/v1', 'fess/v1']));
    for (const module of allNamespaces) {
      if (!module.errorEnvelope) continue;
      expect(module.errorEnvelope.isError(JSON.parse(module.errorEnvelope.example))).toBe(true);
      expect(module.errorEnvelope.isError({ ok: true })).toBe(false);
    }
  });

  it('never answers 5xx, and every error body is in its namespace envelope', async () => {
    expect(routes.length).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(requestArb(), async (req) => {
        const res = await send(req);
        // The control API's faults answer whatever status they are given, 5xx included, on purpose:
        // clear any a generated request may have set, so they do not leak into the next request.
        if (/emulator(%2F|\/)v1(%2F|\/)faults/i.test(req.path)) emu.faults.clear();
        stats.requests++;
        stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`${res.status} for ${req.method} ${req.path}: ${res.text.slice(0, 300)}`);
        if (req.method === 'HEAD' || res.status === 204 || res.text === '') return;
        // `/?rest_route=` with an empty (last) value is not a REST request: the site's home page answers.
        if (req.path.startsWith("/?") && /text\/html/.test(res.contentType)) return;
        expect(res.contentType).toMatch(/json/);
        const parsed = JSON.parse(res.text);
        if (res.status >= 400) {
          const ns = namespaceOfPath(req.path.startsWith('/?rest_route=') ? '/wp-json' + decodeURIComponent(req.path.slice('/?rest_route='.length).split('&')[0]!) : req.path);
          if (!isKnownErrorEnvelope(ns, parsed)) throw new Error(`unknown envelope for ${req.method} ${req.path} (${res.status}): ${res.text.slice(0, 300)}`);
        }
        expect(res.text).not.toMatch(/\n\s+at \S+ \(|node_modules|\.ts:\d+/); // no stack traces
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  });

  it('duplicated and malformed headers over raw sockets: no 5xx, and the server keeps serving', async () => {
    const rawArb = fc.record({
      route: fc.constantFrom(...routes),
      kind: fc.constantFrom('dup-auth', 'dup-ct', 'bad-line', 'bad-length', 'nul', 'huge-header', 'bad-chunk', 'obs-fold'),
      junk: weirdString,
    });
    await fc.assert(
      fc.asyncProperty(rawArb, async ({ route, kind, junk }) => {
        const target = `/wp-json${route.pattern.replace(/\(\?P<\w+>(?:[^()]|\([^()]*\))*\)/g, '1')}`;
        const safeJunk = junk.replace(/[\r\n]/g, '');
        const lines = [`POST ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
        const jsonBody = '{"action":"x","name":"y"}';
        switch (kind) {
          case 'dup-auth':
            lines.push(`Authorization: ${asAdmin}`, `Authorization: Basic ${Buffer.from(safeJunk).toString('base64')}`, 'Content-Type: application/json', `Content-Length: ${jsonBody.length}`);
            break;
          case 'dup-ct':
            lines.push('Content-Type: application/json', 'Content-Type: text/plain', `Content-Length: ${jsonBody.length}`);
            break;
          case 'bad-line':
            lines.push(`Bad Header Line ${safeJunk}`, `Content-Length: ${jsonBody.length}`);
            break;
          case 'bad-length':
            lines.push('Content-Length: abc');
            break;
          case 'nul':
            lines.push('X-Thing: a\u0000b', `Content-Length: ${jsonBody.length}`);
            break;
          case 'huge-header':
            lines.push(`X-Big: ${'a'.repeat(20_000)}`, `Content-Length: ${jsonBody.length}`);
            break;
          case 'bad-chunk':
            lines.push('Transfer-Encoding: chunked', 'Content-Type: application/json');
            break;
          case 'obs-fold':
            lines.push('Authorization: Basic', ` ${Buffer.from('admin:x').toString('base64')}`, `Content-Length: ${jsonBody.length}`);
            break;
        }
        const payload = kind === 'bad-chunk' ? 'zz\r\n{}\r\n0\r\n\r\n' : jsonBody;
        const status = await sendRaw(Buffer.from(lines.join('\r\n') + '\r\n\r\n' + payload, 'latin1'));
        if (status >= 500) throw new Error(`${status} for raw ${kind} on ${target}`);
        if (status === 0) throw new Error(`no answer within 3 s for raw ${kind} on ${target}`);
      }),
      { numRuns: RAW_RUNS },
    );
    const alive = await send({ method: 'GET', path: '/wp-json/', headers: {}, body: undefined });
    expect(alive.status).toBe(200);
  }, 120_000);

  it('leaves a valid store behind that reopens', async () => {
    const data = emu.store.exportData();
    expect(() => parseData('fuzz', JSON.stringify(data))).not.toThrow();
    await emu.store.commit();
    const copy = path.join(dir, 'copy');
    fs.mkdirSync(copy);
    for (const f of fs.readdirSync(dir)) if (f.startsWith('db.json') && !f.endsWith('.lock')) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
    const reopened = await createSite({ settings: { DB_FILE: path.join(copy, 'db.json'), LOG_LEVEL: 'silent' } });
    expect(reopened.users.byLogin('admin')).toBeDefined();
    await reopened.close();
  });
});
