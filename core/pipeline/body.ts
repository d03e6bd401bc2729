import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

/** Why a body could not be read: over the limit (413), an encoding we cannot decode (415), anything else (400). */
export type BodyFailure = 'too-large' | 'unsupported-encoding' | 'unreadable';

export type BodyRead = { body: Buffer; failure: null } | { body: Buffer; failure: BodyFailure };

const EMPTY = Buffer.alloc(0);

function decoder(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch (encoding) {
    case 'gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/** Reads off what is left of a request, then calls `done` (the client then gets the answer, not a reset). */
function drain(req: IncomingMessage, done: () => void): void {
  if (req.complete || req.destroyed || req.readableEnded) return done();
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    done();
  };
  req.once('end', once);
  req.once('close', once);
  req.resume();
}

/**
 * The body of a request, at most `limit` bytes once decoded (gzip, deflate, br; identity), as
 * body-parser's raw parser reads it: a declared length over the limit is refused before reading, and
 * after any failure but an unknown encoding the rest of the request is read off before answering.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise<BodyRead>((resolve) => readBodyThen(req, limit, resolve));
}

/**
 * readBody() with a callback, called once (at once when there is no body to read): what the
 * pipeline uses, one promise and one turn of the microtask queue less per request. `resolve` must
 * not throw (it runs in the stream's event handlers).
 */
export function readBodyThen(req: IncomingMessage, limit: number, resolve: (read: BodyRead) => void): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number.parseInt(req.headers['content-length'] ?? '', 10));
  if (!hasBody || req.readableEnded) return resolve({ body: EMPTY, failure: null });
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  let source: Readable = req;
  const inflate = encoding === 'identity' ? null : decoder(encoding);
  if (encoding !== 'identity') {
    if (!inflate) return resolve({ body: EMPTY, failure: 'unsupported-encoding' });
    req.pipe(inflate);
    source = inflate;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false;
  const fail = (failure: BodyFailure) => {
    if (settled) return;
    settled = true;
    cleanup();
    if (inflate) {
      req.unpipe(inflate);
      inflate.destroy();
    }
    drain(req, () => resolve({ body: EMPTY, failure }));
  };
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > limit) return fail('too-large');
    chunks.push(chunk);
  };
  const onEnd = () => {
    if (settled) return;
    const declared = encoding === 'identity' ? Number.parseInt(req.headers['content-length'] ?? '', 10) : Number.NaN;
    if (!Number.isNaN(declared) && declared !== received) return fail('unreadable');
    settled = true;
    cleanup();
    resolve({ body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received), failure: null });
  };
  // A stream error and an aborted request end the same way.
  const onError = () => fail('unreadable');
  const cleanup = () => {
    source.off('data', onData);
    source.off('end', onEnd);
    source.off('error', onError);
    req.off('aborted', onError);
    req.off('close', onClose);
  };
  const onClose = () => {
    if (!req.complete) fail('unreadable');
  };
  const declared = Number.parseInt(req.headers['content-length'] ?? '', 10);
  if (encoding === 'identity' && !Number.isNaN(declared) && declared > limit) {
    settled = true;
    drain(req, () => resolve({ body: EMPTY, failure: 'too-large' }));
    return;
  }
  source.on('data', onData);
  source.on('end', onEnd);
  source.on('error', onError);
  req.on('aborted', onError);
  req.on('close', onClose);
}
