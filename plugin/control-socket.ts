import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { StoreLockedError } from '../core/store/errors';
import { acquireLock, type StoreLock } from '../core/store/lock';

/**
 * While a server holds a store file, the command line does not open the file itself (that would be
 * two writers): it sends its command over this Unix socket and the server runs it on its own store.
 * The socket file is created with mode 0600, so only the user running the server can reach it.
 */
export interface ControlRequest {
  argv: string[];
  isTTY: boolean;
}
export interface ControlReply {
  out: string;
  err: string;
  code: number;
}

export function socketPathFor(dbFile: string): string {
  const id = createHash('sha256').update(path.resolve(dbFile)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `wp-token-emulator-${id}.sock`);
}

/** Longest request line accepted (characters); a longer one closes the connection. */
const MAX_REQUEST = 1_000_000;

export function listenControlSocket(socketPath: string, run: (request: ControlRequest) => Promise<ControlReply>): Promise<net.Server> {
  // Claimed as the store is (core/store/lock.ts: `<socket>.lock`, taken over atomically when stale), so
  // a socket file is only ever removed by the one process that holds its claim: never a live server's.
  let claim: StoreLock;
  try {
    claim = acquireLock(socketPath);
  } catch (e) {
    if (e instanceof StoreLockedError) return Promise.reject(new StoreLockedError(socketPath, e.holderPid, `The control socket ${socketPath} is in use by process ${e.holderPid}.`));
    return Promise.reject(e);
  }
  try {
    fs.unlinkSync(socketPath); // left by a server that was killed: its claim was stale
  } catch {
    // none
  }
  const server = net.createServer((conn) => {
    // One request per connection: its first line. Anything after it is ignored, never run.
    let buffer = '';
    let taken = false;
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => {
      if (taken) return;
      buffer += chunk;
      const nl = buffer.indexOf('\n');
      if (nl === -1 && buffer.length <= MAX_REQUEST) return;
      taken = true;
      const line = buffer.slice(0, nl);
      buffer = '';
      if (nl === -1 || nl > MAX_REQUEST) {
        conn.destroy();
        return;
      }
      let request: ControlRequest;
      try {
        request = JSON.parse(line) as ControlRequest;
        if (!Array.isArray(request.argv) || !request.argv.every((a) => typeof a === 'string')) throw new Error('bad request');
      } catch {
        conn.end(JSON.stringify({ out: '', err: 'Error: malformed control request\n', code: 1 }) + '\n');
        return;
      }
      run(request)
        .then((reply) => conn.end(JSON.stringify(reply) + '\n'))
        .catch((e: unknown) => conn.end(JSON.stringify({ out: '', err: `Error: ${(e as Error)?.message ?? String(e)}\n`, code: 1 }) + '\n'));
    });
    conn.on('error', () => undefined);
  });
  server.once('close', () => claim.release());
  const previous = process.umask(0o177);
  return new Promise((resolve, reject) => {
    server.once('error', (e) => {
      process.umask(previous);
      claim.release();
      reject(e);
    });
    server.listen(socketPath, () => {
      process.umask(previous);
      resolve(server);
    });
  });
}

export function sendControlRequest(socketPath: string, request: ControlRequest, timeoutMs = 60_000): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(socketPath);
    let buffer = '';
    const timer = setTimeout(() => {
      conn.destroy();
      reject(new Error('the server did not answer in time'));
    }, timeoutMs);
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(JSON.stringify(request) + '\n'));
    conn.on('data', (chunk: string) => (buffer += chunk));
    conn.on('end', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(buffer) as ControlReply);
      } catch {
        reject(new Error('the server sent a malformed answer'));
      }
    });
    conn.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
