import { environmentWithDotenv } from '../core/config';
import { registerStandaloneCommand } from './cli';
import { runFromCommandLine } from './server';

/** Commands that need no store of their own. Other modules add theirs with registerStandaloneCommand. */
registerStandaloneCommand('serve', {
  synopsis: 'serve',
  description: 'Start the server (same as npm start).',
  async run() {
    const running = await runFromCommandLine(environmentWithDotenv());
    if (!running) return 1;
    await new Promise<never>(() => undefined); // serve until a signal stops the process
    return 0;
  },
});
