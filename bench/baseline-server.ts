/**
 * The baseline: a bare Express 5 app answering a fixed JSON body, started as its own process
 * exactly like the emulator (PORT, HOST from the environment; prints its URL once listening).
 * With BASELINE_KIND=node, the same answer from a bare node:http server instead (a context row:
 * what Express itself costs per request). With BASELINE_KIND=node-post, the limit row: a bare
 * node:http server that reads a POST's JSON body, parses it and answers the Everest access-token
 * answer's shape (`{"action","access_token"}`, a fresh random token each time) — what one Node
 * process can do for that request with no framework, no authentication and no store.
 */
import { randomBytes } from 'node:crypto';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const body = { name: 'baseline', description: 'A bare Express 5 app', url: 'http://127.0.0.1', namespaces: ['bench/v1'] };

let server: http.Server;
const listening = () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`baseline listening on http://127.0.0.1:${port}\n`);
};
const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';
if (process.env.BASELINE_KIND === 'node-post') {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let action = '';
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (parsed && typeof parsed === 'object' && typeof (parsed as { action?: unknown }).action === 'string') action = (parsed as { action: string }).action;
      } catch {
        // not JSON: answered below like an empty action
      }
      const status = req.method === 'POST' && action ? 200 : 400;
      const token = randomBytes(21).toString('hex');
      const text = Buffer.from(status === 200 ? JSON.stringify({ action, access_token: `${token.slice(0, 10)}:${token.slice(10, 42)}` }) : '{"code":"bad_request"}', 'utf8');
      res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': String(text.length) });
      res.end(text);
    });
  });
  server.listen(port, host, listening);
} else if (process.env.BASELINE_KIND === 'node') {
  server = http.createServer((_req, res) => {
    const text = Buffer.from(JSON.stringify(body), 'utf8');
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(text.length) });
    res.end(text);
  });
  server.listen(port, host, listening);
} else {
  const app = express();
  app.all('/{*any}', (_req, res) => {
    res.json(body);
  });
  server = app.listen(port, host, listening);
}
process.once('SIGTERM', () => server.close(() => process.exit(0)));
