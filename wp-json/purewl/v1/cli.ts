import { checkOptions, CliError, flag, formatItems, selectFields, stringOption, type CliGroup } from '../../../core/cli';
import { publicReseller, PureWlState, ResellerError } from './state';

const FIELDS = ['resellerId', 'resellerUid', 'created'] as const;

/** `wp-token-emulator purewl reseller create|list|delete`. */
export const pureWlCli: CliGroup = {
  name: 'purewl',
  description: 'PureWL Atom resellers (secret keys for the accessToken API).',
  commands: {
    'reseller create': {
      synopsis: 'reseller create [--secret-key=<key>] [--reseller-id=<id>] [--reseller-uid=<uid>] [--porcelain]',
      description: 'Create a PureWL reseller; prints the generated secret key when none is given.',
      async run(args, io, ctx) {
        checkOptions(args, ['secret-key', 'reseller-id', 'reseller-uid', 'porcelain']);
        if (args.positional.length > 0) throw new CliError(`Too many positional arguments: ${args.positional.join(' ')}`);
        const state = new PureWlState(ctx);
        let created;
        try {
          created = await state.createReseller({
            secretKey: stringOption(args, 'secret-key'),
            resellerId: stringOption(args, 'reseller-id'),
            resellerUid: stringOption(args, 'reseller-uid'),
          });
        } catch (e) {
          if (e instanceof ResellerError) throw new CliError(e.message);
          throw e;
        }
        const { reseller, secretKey, generatedSecret } = created;
        if (flag(args, 'porcelain')) {
          io.out(generatedSecret ? secretKey : reseller.resellerUid);
          return 0;
        }
        io.out(`Success: Created reseller ${reseller.resellerUid} (resellerId ${reseller.resellerId}).`);
        if (generatedSecret) io.out(`Secret key: ${secretKey}\nKeep it now: it is stored only as a hash and cannot be shown again.`);
        return 0;
      },
    },
    'reseller list': {
      synopsis: 'reseller list [--format=<table|json|csv|count|ids>] [--fields=<fields>]',
      description: 'List PureWL resellers (never their secret keys).',
      run(args, io, ctx) {
        checkOptions(args, ['format', 'fields', 'field']);
        const format = stringOption(args, 'format') ?? 'table';
        const fields = selectFields(args, FIELDS, FIELDS);
        const items = new PureWlState(ctx).listResellers().map(publicReseller);
        formatItems(io, format, items, fields, 'resellerId');
        return 0;
      },
    },
    'reseller delete': {
      synopsis: 'reseller delete <resellerUid|resellerId>...',
      description: 'Delete PureWL resellers; their tokens stop working at once.',
      run(args, io, ctx) {
        checkOptions(args, []);
        if (args.positional.length === 0) throw new CliError('Please specify the resellerUid or resellerId of the reseller to delete.');
        const state = new PureWlState(ctx);
        let failed = 0;
        for (const ref of args.positional) {
          const reseller = state.findReseller(ref);
          if (!reseller) {
            io.err(`Warning: No reseller found with resellerUid or resellerId "${ref}".`);
            failed++;
            continue;
          }
          state.deleteReseller(reseller);
          io.out(`Success: Deleted reseller ${reseller.resellerUid} (resellerId ${reseller.resellerId}).`);
        }
        if (failed > 0) throw new CliError(`${failed} of ${args.positional.length} resellers not deleted.`);
        return 0;
      },
    },
  },
};
