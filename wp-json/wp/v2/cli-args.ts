import type { UserRecord } from '../../../core/auth/users';
import { CliError, type CliIO, type ParsedArgs } from '../../../core/cli';
import type { SiteContext } from '../../../core/namespace';

/** The argument checks the `user` commands share (cli.ts, user-role-cli.ts). */

/** WP-CLI's `<user>`: an ID, e-mail address or login, or the fetcher's error. */
export function resolveUser(ctx: SiteContext, ref: string | undefined): UserRecord {
  if (ref === undefined || ref === '') throw new CliError('Missing <user>: a user ID, e-mail or login.');
  const user = ctx.users.resolve(ref);
  if (!user) throw new CliError(`Invalid user ID, email or login: '${ref}'`);
  return user;
}

/** WP-CLI's fetcher get_many: the users named (`<user>...`), with a warning for each one not found. */
export function resolveUsers(ctx: SiteContext, refs: readonly string[], io: CliIO): UserRecord[] {
  const found: UserRecord[] = [];
  for (const ref of refs) {
    const user = ctx.users.resolve(ref);
    if (user) found.push(user);
    else io.err(`Warning: Invalid user ID, email or login: '${ref}'`);
  }
  return found;
}

export function positional(args: ParsedArgs, index: number, name: string): string {
  const value = args.positional[index];
  if (value === undefined) throw new CliError(`Missing argument <${name}>. Usage: see 'wp-token-emulator help'.`);
  return value;
}

export function tooMany(args: ParsedArgs, max: number): void {
  if (args.positional.length > max) throw new CliError(`Too many positional arguments: ${args.positional.slice(max).join(' ')}`);
}

/**
 * WP-CLI's `--user_registered` (`yyyy-mm-dd-hh-ii-ss`, MySQL's `yyyy-mm-dd hh:ii:ss`, or a date
 * alone, midnight): the stored form, `yyyy-mm-dd hh:ii:ss` in UTC, or null when it is no such date
 * and time (2021-02-30 is not).
 */
export function registeredOption(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T-](\d{2})[:-](\d{2})[:-](\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1]!, m[2]!, m[3]!, m[4] ?? '00', m[5] ?? '00', m[6] ?? '00'];
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) return null;
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}

/** The error for a `--user_registered` registeredOption() refuses. */
export function badRegistered(value: string): string {
  return `Invalid --user_registered: '${value}'. Use yyyy-mm-dd-hh-ii-ss or 'yyyy-mm-dd hh:ii:ss' (UTC).`;
}
