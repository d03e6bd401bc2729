import { CliError, checkOptions, parseArgs, stringOption, type StandaloneCommand } from '../../../core/cli';
import { toYaml } from '../../../core/openapi';
import { callControl, resolveTarget } from './cli';

const CONNECTION_OPTIONS = ['url', 'user', 'password'];

/** `wp-token-emulator openapi`: the OpenAPI 3.1 document a running server generates from its routes. */
export const openApiCommand: StandaloneCommand = {
  synopsis: 'openapi [--namespace=<namespace>] [--format=<format>] [--url=<url>] [--user=<login>] [--password=<app password>]',
  description: 'Print the OpenAPI 3.1 document of a running server (the whole site, or one namespace such as fess/v1).',
  async run(argv, io, env) {
    const args = parseArgs(argv);
    checkOptions(args, [...CONNECTION_OPTIONS, 'namespace', 'format']);
    if (args.positional.length > 0) throw new CliError(`usage: wp-token-emulator ${this.synopsis}`);
    const format = stringOption(args, 'format') ?? 'json';
    if (format !== 'json' && format !== 'yaml') throw new CliError(`--format must be json or yaml (got "${format}").`);
    const namespace = stringOption(args, 'namespace');
    const target = resolveTarget(args, env);
    const doc = await callControl(target, 'GET', `/openapi${namespace ? `?namespace=${encodeURIComponent(namespace)}` : ''}`);
    io.out(format === 'yaml' ? toYaml(doc).trimEnd() : JSON.stringify(doc, null, 2));
    return 0;
  },
};
