import { CliError, checkedArgs, checkOptions, flag, formatItems, stringOption, type CliCommand, type CliGroup } from '../../core/cli';
import { SampleVendorTokens, TOKEN_ARGS } from './tokens';

/** A command with its help page (`wp-token-emulator help sample-vendor token create`): a line per argument and option, an example. */
interface CommandWithHelp extends CliCommand {
  help: { options: Record<string, string>; examples: string[] };
}

/** `wp-token-emulator sample-vendor token create|list`. */
const group: { name: string; description: string; commands: Record<string, CommandWithHelp> } = {
  name: 'sample-vendor',
  description: 'Sample Vendor access tokens.',
  commands: {
    'token create': {
      synopsis: 'token create <client_id> [--scope=<read|write>] [--porcelain]',
      description: 'Issue a Sample Vendor access token and print it once.',
      help: {
        options: { '<client_id>': 'Who the token is for.', '--scope': 'read (default) or write.', '--porcelain': 'Output just the token.' },
        examples: ['# Issue a token for the client "ci"', '$ wp-token-emulator sample-vendor token create ci --porcelain'],
      },
      run(args, io, ctx) {
        checkOptions(args, ['scope', 'porcelain']);
        if (args.positional.length > 1) throw new CliError(`Too many positional arguments: ${args.positional.slice(1).join(' ')}`);
        // The same declared args as the REST route, checked by the same mechanism.
        const values = checkedArgs(TOKEN_ARGS, { client_id: args.positional[0], scope: stringOption(args, 'scope') });
        const { token, record } = new SampleVendorTokens(ctx).issue(values.client_id as string, values.scope as string);
        if (flag(args, 'porcelain')) io.out(token);
        else io.out(`Success: Issued a token for ${record.clientId} (scope ${record.scope}, expires ${new Date(record.exp * 1000).toISOString()}).\nToken: ${token}`);
        return 0;
      },
    },
    'token list': {
      synopsis: 'token list [--format=<table|json|csv|count>]',
      description: 'List the issued tokens (never their values).',
      help: {
        options: { '--format': 'Render output in a particular format: table (default), json, csv or count.' },
        examples: ['# The issued tokens as JSON', '$ wp-token-emulator sample-vendor token list --format=json'],
      },
      run(args, io, ctx) {
        checkOptions(args, ['format']);
        const items = new SampleVendorTokens(ctx).list().map((r) => ({ client_id: r.clientId, scope: r.scope, iat: r.iat, exp: r.exp }));
        formatItems(io, stringOption(args, 'format') ?? 'table', items, ['client_id', 'scope', 'iat', 'exp'], 'client_id');
        return 0;
      },
    },
  },
};

export const sampleVendorCli: CliGroup = group;
