/**
 * Times createApp() in this process: memory store, no fixtures (first run: admin + one
 * application password), closed after each creation. Run as a child of the bench runner:
 * `node dist/bench/create-app-timing.js <count>`; prints one JSON line with the timings in ms.
 */
import { createApp } from '../plugin/app';

async function main(): Promise<void> {
  const count = Math.max(1, Number(process.argv[2] ?? 50));
  // The first creation also loads modules and warms the JIT; reported apart from the median.
  const firstStarted = process.hrtime.bigint();
  const first = await createApp();
  const firstMs = Number(process.hrtime.bigint() - firstStarted) / 1e6;
  await first.close();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const emu = await createApp();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    await emu.close();
  }
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  process.stdout.write(JSON.stringify({ firstMs, medianMs: median, p90Ms: times[Math.floor(times.length * 0.9)] ?? median, count }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`create-app-timing: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
