import { CliError, checkOptions, flag, formatItems, selectFields, stringOption, type CliGroup } from '../../../core/cli';
import type { SiteContext } from '../../../core/namespace';
import { AccountError, AvailoAccounts } from './accounts';

const FIELDS = ['accountCode', 'created', 'modified'] as const;

function accountsOf(ctx: SiteContext): AvailoAccounts {
  return new AvailoAccounts(ctx);
}

function asCliError(e: unknown): never {
  if (e instanceof AccountError) throw new CliError(e.message);
  throw e;
}

/** `wp-token-emulator availo ...`: the accounts that may ask for Availo tokens. */
export const availoCli: CliGroup = {
  name: 'availo',
  description: 'Availo accounts (AccountCode + Password) that may ask for access tokens.',
  commands: {
    'account create': {
      synopsis: 'account create <AccountCode> [--password=<password>] [--porcelain]',
      description: 'Create an Availo account; without --password one is generated and printed once.',
      async run(args, io, ctx) {
        checkOptions(args, ['password', 'porcelain']);
        const [code, ...extra] = args.positional;
        if (code === undefined || extra.length > 0) throw new CliError('Usage: wp-token-emulator availo account create <AccountCode> [--password=<password>] [--porcelain]');
        const password = stringOption(args, 'password');
        const created = await accountsOf(ctx).create(code, password).catch(asCliError);
        if (flag(args, 'porcelain')) io.out(created.password ?? created.record.accountCode);
        else {
          io.out(`Success: Created Availo account ${created.record.accountCode}.`);
          if (created.password !== null) io.out(`Password: ${created.password}`);
        }
        return 0;
      },
    },
    'account update': {
      synopsis: 'account update <AccountCode> [--password=<password>] [--porcelain]',
      description: "Change an Availo account's password; without --password one is generated and printed once.",
      async run(args, io, ctx) {
        checkOptions(args, ['password', 'porcelain']);
        const [code, ...extra] = args.positional;
        if (code === undefined || extra.length > 0) throw new CliError('Usage: wp-token-emulator availo account update <AccountCode> [--password=<password>] [--porcelain]');
        const password = stringOption(args, 'password');
        const updated = await accountsOf(ctx).setPassword(code, password).catch(asCliError);
        if (flag(args, 'porcelain')) io.out(updated.password ?? updated.record.accountCode);
        else {
          io.out(`Success: Updated Availo account ${updated.record.accountCode}.`);
          if (updated.password !== null) io.out(`Password: ${updated.password}`);
        }
        return 0;
      },
    },
    'account list': {
      synopsis: 'account list [--format=<table|json|csv|count|ids>] [--fields=<fields>]',
      description: 'List the Availo accounts (never their passwords).',
      run(args, io, ctx) {
        checkOptions(args, ['format', 'fields', 'field']);
        const format = stringOption(args, 'format') ?? 'table';
        const fields = selectFields(args, FIELDS, FIELDS);
        const items = accountsOf(ctx).list().map((r) => ({ ...AvailoAccounts.view(r) }));
        formatItems(io, format, items, fields, 'accountCode');
        return 0;
      },
    },
    'account delete': {
      synopsis: 'account delete <AccountCode>...',
      description: 'Delete Availo accounts; their tokens stop working at once.',
      async run(args, io, ctx) {
        checkOptions(args, []);
        if (args.positional.length === 0) throw new CliError('Usage: wp-token-emulator availo account delete <AccountCode>...');
        const accounts = accountsOf(ctx);
        let failed = 0;
        for (const code of args.positional) {
          try {
            const record = accounts.delete(code);
            io.out(`Success: Deleted Availo account ${record.accountCode}.`);
          } catch (e) {
            if (!(e instanceof AccountError)) throw e;
            io.err(`Warning: ${e.message}`);
            failed++;
          }
        }
        if (failed > 0) throw new CliError(`Could not delete ${failed} of ${args.positional.length} accounts.`);
        return 0;
      },
    },
  },
};
