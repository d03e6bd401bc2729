/**
 * The baseline: a bare Express 5 app answering a fixed JSON body, started as its own process
 * exactly like the emulator (PORT, HOST from the environment; prints its URL once listening).
 */
import express from 'express';
import type { AddressInfo } from 'node:net';

const body = { name: 'baseline', description: 'A bare Express 5 app', url: 'http://127.0.0.1', namespaces: ['bench/v1'] };

const app = express();
app.all('/{*any}', (_req, res) => {
  res.json(body);
});

const server = app.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`baseline listening on http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
