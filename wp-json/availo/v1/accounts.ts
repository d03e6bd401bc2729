import type { SiteContext } from '../../../core/namespace';
import { randomAlphanumeric } from '../../../core/secrets';

/** One Availo account as stored: the password only as a bcrypt hash. */
export interface AvailoAccountRecord {
  /** Changes when the account is deleted and made again, so tokens of the old account stop working. */
  id: string;
  accountCode: string;
  passwordHash: string;
  /** Unix seconds. */
  created: number;
  modified: number;
}

/** What the admin sees of an account (REST and command line): never the hash. */
export interface AvailoAccountView {
  accountCode: string;
  created: string;
  modified: string;
}

export const ACCOUNTS_COLLECTION = 'availo.accounts';
/** Letters, digits and `. _ @ + -`, 1 to 100 characters: safe in a URL path segment and a JWT subject. */
export const ACCOUNT_CODE_PATTERN = /^[A-Za-z0-9._@+-]{1,100}$/;
/** bcrypt reads at most 72 bytes of a secret; a longer password would be silently cut. */
export const MAX_PASSWORD_BYTES = 72;
export const GENERATED_PASSWORD_LENGTH = 24;

/** A problem with an AccountCode, or null. */
export function accountCodeProblem(code: unknown): string | null {
  if (typeof code !== 'string' || code === '') return 'AccountCode must be a non-empty string';
  if (!ACCOUNT_CODE_PATTERN.test(code)) return 'AccountCode may hold only letters, digits and . _ @ + - (at most 100 characters)';
  return null;
}

/** A problem with a new Password, or null. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string' || password === '') return 'Password must be a non-empty string';
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return `Password must be at most ${MAX_PASSWORD_BYTES} bytes (bcrypt reads no more)`;
  return null;
}

/** Why an account could not be made or changed; `kind` picks the status / exit message. */
export class AccountError extends Error {
  constructor(
    readonly kind: 'invalid' | 'exists' | 'not_found',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

/** Unix seconds as ISO 8601 without milliseconds (`2030-01-01T00:00:00Z`). */
export const isoSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The accounts of the Availo namespace over the store. Account codes are matched without regard
 * to case (as a SQL Server lookup would), and shown as they were created.
 */
export class AvailoAccounts {
  constructor(private readonly ctx: SiteContext) {}

  private get collection() {
    return this.ctx.store.collection<AvailoAccountRecord>(ACCOUNTS_COLLECTION);
  }

  static keyOf(code: string): string {
    return code.toLowerCase();
  }

  get(code: string): AvailoAccountRecord | undefined {
    return this.collection.get(AvailoAccounts.keyOf(code));
  }

  list(): AvailoAccountRecord[] {
    return [...this.collection.values()].sort((a, b) => a.created - b.created || a.accountCode.localeCompare(b.accountCode));
  }

  static view(record: AvailoAccountRecord): AvailoAccountView {
    return { accountCode: record.accountCode, created: isoSeconds(record.created), modified: isoSeconds(record.modified) };
  }

  /** Makes an account; without a password one is generated and returned (the only time it is seen). */
  async create(code: unknown, password?: unknown): Promise<{ record: AvailoAccountRecord; password: string | null }> {
    const codeError = accountCodeProblem(code);
    if (codeError) throw new AccountError('invalid', codeError);
    const generated = password === undefined ? randomAlphanumeric(GENERATED_PASSWORD_LENGTH) : null;
    const secret = generated ?? password;
    const passwordError = passwordProblem(secret);
    if (passwordError) throw new AccountError('invalid', passwordError);
    const accountCode = code as string;
    if (this.get(accountCode)) throw new AccountError('exists', `An account with the code "${accountCode}" already exists.`);
    const passwordHash = await this.ctx.verifiedSecrets.hash(secret as string);
    // Checked again: another request may have made it while bcrypt ran.
    if (this.get(accountCode)) throw new AccountError('exists', `An account with the code "${accountCode}" already exists.`);
    const now = this.ctx.clock.seconds();
    const record: AvailoAccountRecord = { id: randomAlphanumeric(16), accountCode, passwordHash, created: now, modified: now };
    this.collection.put(AvailoAccounts.keyOf(accountCode), record);
    return { record, password: generated };
  }

  /** Sets a new password (generated when not given). The new hash makes cached verifications of the old one useless. */
  async setPassword(code: string, password?: unknown): Promise<{ record: AvailoAccountRecord; password: string | null }> {
    if (!this.get(code)) throw new AccountError('not_found', `No account with the code "${code}".`);
    const generated = password === undefined ? randomAlphanumeric(GENERATED_PASSWORD_LENGTH) : null;
    const secret = generated ?? password;
    const passwordError = passwordProblem(secret);
    if (passwordError) throw new AccountError('invalid', passwordError);
    const passwordHash = await this.ctx.verifiedSecrets.hash(secret as string);
    const current = this.get(code);
    if (!current) throw new AccountError('not_found', `No account with the code "${code}".`);
    const record: AvailoAccountRecord = { ...current, passwordHash, modified: this.ctx.clock.seconds() };
    this.collection.put(AvailoAccounts.keyOf(code), record);
    return { record, password: generated };
  }

  /** Deletes an account; its tokens stop working at once. */
  delete(code: string): AvailoAccountRecord {
    const record = this.get(code);
    if (!record) throw new AccountError('not_found', `No account with the code "${code}".`);
    this.collection.delete(AvailoAccounts.keyOf(code));
    return record;
  }
}
