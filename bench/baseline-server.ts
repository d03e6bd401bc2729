/**
 * The baseline: a bare Express 5 app answering a fixed JSON body, started as its own process
 * exactly like the emulator (PORT, HOST from the environment; prints its URL once listening).
 * With BASELINE_KIND=node, the same answer from a bare node:http server instead (a context row:
 * what Express itself costs per request).
 */
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
if (process.env.BASELINE_KIND === 'node') {
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
