/**
 * The floor (a context row of `npm run bench`, docs/performance.md): the Everest access-token
 * request's own work on a bare node:http server, with nothing of the emulator around it. It reads
 * and parses the POST's JSON body, reads the Basic credentials, checks the application password the
 * way the emulator must (non-alphanumerics dropped, HMAC-SHA256 under a 32-byte site key, compared
 * in constant time with the one stored hash), makes the answer's two HMAC-MD5 values under a
 * 128-character salt (wp_hash of the sanitized "action-login-time" and wp_create_nonce of it), and
 * writes WordPress's REST headers in one writeHead. No pipeline, routing, argument validation,
 * permission check, throttle, journal or store. What it costs per request is what any complete
 * implementation of this request costs at least; the gap between it and the limit row is the
 * request's own work, the gap between it and the emulator's row is everything the emulator adds.
 *
 * Environment: PORT, HOST, BENCH_LOGIN, BENCH_PASSWORD (the application password to accept).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// The fastest HMAC this machine has found (keys prepared once, two one-shot hashes) and the
// constant-time compare: the same as the emulator's, so the floor stays a floor.
import { HmacKey, safeEqual } from '../core/secrets';

const login = process.env.BENCH_LOGIN ?? 'admin';
const hashKey = new HmacKey('sha256', randomBytes(32).toString('base64'));
const nonceKey = new HmacKey('md5', randomBytes(96).toString('base64')); // 128 printable characters, like wp_salt('nonce')
const normalize = (password: string) => password.replace(/[^a-z\d]/gi, '');
const stored = hashKey.digest(normalize(process.env.BENCH_PASSWORD ?? ''), 'base64url');

function answer(res: http.ServerResponse, status: number, text: string, linkUrl: string): void {
  res.writeHead(status, [
    'X-Robots-Tag', 'noindex',
    'Link', `<${linkUrl}/wp-json/>; rel="https://api.w.org/"`,
    'X-Content-Type-Options', 'nosniff',
    'Access-Control-Expose-Headers', 'X-WP-Total, X-WP-TotalPages, Link',
    'Access-Control-Allow-Headers', 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
    'Expires', 'Wed, 11 Jan 1984 05:00:00 GMT',
    'Cache-Control', 'no-cache, must-revalidate, max-age=0, no-store, private',
    'Allow', 'POST',
    'Content-Type', 'application/json; charset=UTF-8',
    'Content-Length', String(Buffer.byteLength(text)),
  ]);
  res.end(text); // text: Node sends head and body in one write
}

let siteUrl = '';
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const header = req.headers.authorization ?? '';
    const decoded = /^basic /i.test(header) ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const user = colon === -1 ? '' : decoded.slice(0, colon);
    const presented = hashKey.digest(normalize(colon === -1 ? '' : decoded.slice(colon + 1)), 'base64url');
    const ok = safeEqual(presented, stored) && user === login;
    if (!ok) return answer(res, 401, '{"code":"rest_not_logged_in","message":"You are not currently logged in.","data":{"status":401}}', siteUrl);
    let action = '';
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (parsed && typeof parsed === 'object' && typeof (parsed as { action?: unknown }).action === 'string') action = (parsed as { action: string }).action;
    } catch {
      // not JSON: an empty action, answered 400 below
    }
    if (action === '') return answer(res, 400, '{"code":"everest-backup-api-error-400","message":"Action cannot be empty.","data":{"status":400}}', siteUrl);
    const now = Math.floor(Date.now() / 1000);
    const slug = `${action}-${user}-${now}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
    const hash = nonceKey.digest(slug, 'hex');
    const nonce = nonceKey.digest(`${Math.ceil(now / 43_200)}|${hash}|1|`, 'hex').slice(-12, -2);
    answer(res, 200, JSON.stringify({ action: `ebwp-${action.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`, access_token: `${nonce}:${hash}` }), siteUrl);
  });
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  siteUrl = `http://127.0.0.1:${port}`;
  process.stdout.write(`floor listening on ${siteUrl}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
