import { main } from './cli';
import './commands';
import './store-commands';
import './scaffold';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
