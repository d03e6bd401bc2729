import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { listenControlSocket, sendControlRequest, type ControlRequest } from '../plugin/control-socket';

/**
 * The store's control socket (the command line → a running server): one command per connection,
 * the first line; nothing sent after it is ever run.
 */

let dir: string;
let server: net.Server;
let runs: ControlRequest[];
/** Resolves when the server side of the next connection has closed (all its data events handled). */
let closed: Promise<void>;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-socket-'));
  runs = [];
  server = await listenControlSocket(path.join(dir, 'control.sock'), async (request) => {
    runs.push(request);
    return { out: `ran ${request.argv.join(' ')}\n`, err: '', code: 0 };
  });
  closed = new Promise((resolve) => server.once('connection', (conn) => conn.once('close', () => resolve())));
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

const socketPath = () => path.join(dir, 'control.sock');

/** Connects, sends `first`, and once the answer arrives sends `then` (if any); resolves to the answer text. */
function converse(first: string, then?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(socketPath());
    let answer = '';
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(first));
    conn.on('data', (chunk: string) => {
      const firstChunk = answer === '';
      answer += chunk;
      if (firstChunk && then !== undefined) conn.write(then);
    });
    conn.on('end', () => {
      conn.end();
      resolve(answer);
    });
    conn.on('close', () => resolve(answer));
    conn.on('error', reject);
  });
}

describe('control socket', () => {
  it('runs a command and answers it', async () => {
    expect(await sendControlRequest(socketPath(), { argv: ['user', 'list'], isTTY: false })).toEqual({ out: 'ran user list\n', err: '', code: 0 });
    expect(runs.map((r) => r.argv)).toEqual([['user', 'list']]);
  });

  it('runs only the first line when more data follows on the same connection', async () => {
    const answer = await converse(JSON.stringify({ argv: ['reset'], isTTY: false }) + '\n', JSON.stringify({ argv: ['again'], isTTY: false }) + '\nmore\n');
    await closed;
    expect(JSON.parse(answer)).toEqual({ out: 'ran reset\n', err: '', code: 0 });
    expect(runs.map((r) => r.argv)).toEqual([['reset']]);
  });

  it('runs only the first of two lines sent together', async () => {
    const answer = await converse(JSON.stringify({ argv: ['one'], isTTY: false }) + '\n' + JSON.stringify({ argv: ['two'], isTTY: false }) + '\n');
    await closed;
    expect(JSON.parse(answer).out).toBe('ran one\n');
    expect(runs.map((r) => r.argv)).toEqual([['one']]);
  });

  it('answers a malformed first line once and runs nothing after it', async () => {
    const answer = await converse('not json\n', JSON.stringify({ argv: ['sneaky'], isTTY: false }) + '\n');
    await closed;
    expect(JSON.parse(answer)).toEqual({ out: '', err: 'Error: malformed control request\n', code: 1 });
    expect(runs).toEqual([]);
  });

  it('closes a connection whose first line is over 1 MB without running anything', async () => {
    const answer = await converse('x'.repeat(1_100_000) + '\n' + JSON.stringify({ argv: ['late'], isTTY: false }) + '\n').catch(() => '');
    await closed;
    expect(answer).toBe('');
    expect(runs).toEqual([]);
  });
});
