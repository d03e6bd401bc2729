import { checkOptions, CliError, parseArgs, stringOption } from '../core/cli';
import { registerStandaloneCommand } from './cli';
import type * as Serve from './serve';

/** Commands that need no store of their own. Other modules add theirs with registerStandaloneCommand. */
registerStandaloneCommand('serve', {
  synopsis: 'serve',
  description: 'Start the server (same as npm start).',
  async run(argv, _io, env) {
    const args = parseArgs(argv);
    checkOptions(args, ['url']);
    if (args.positional.length > 0) throw new CliError(`Too many positional arguments: ${args.positional.join(' ')}`);
    const url = stringOption(args, 'url'); // WP-CLI's --url: the site's URL (SITE_URL)
    // Loaded when serve runs: the server (Express, the admin screens) is not what the other commands need,
    // and every command line start would pay for loading it.
    const { runFromCommandLine } = require('./serve') as typeof Serve;
    const running = await runFromCommandLine({ ...env, ...(url !== undefined ? { SITE_URL: url } : {}) });
    if (!running) return 1;
    await new Promise<never>(() => undefined); // serve until a signal stops the process
    return 0;
  },
});
