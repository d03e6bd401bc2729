/**
 * Fess's data model and wire formats: the stored access-token record, permission strings
 * (`{role}x` ⇄ `Rx`), the `yyyy-MM-ddTHH:mm:ss` date format, the `{"response":{...}}` envelope and
 * the validation messages of Fess's English message bundle.
 */

/** One access token, stored as Fess keeps it (the token itself in clear: Fess lists it again). */
export interface FessToken {
  id: string;
  name: string;
  token: string;
  /** Query parameter that carries the token (`token` when not set). */
  parameterName: string | null;
  /** Expiry, epoch milliseconds; null or 0 = never. */
  expiredTime: number | null;
  /** Permissions in Fess's encoded form: `Rrole`, `1user`, `2group`, `D…` for denied, or as given. */
  permissions: string[];
  createdBy: string;
  createdTime: number;
  updatedBy: string;
  updatedTime: number;
  versionNo: number;
}

export type Profile = 'docs' | 'live';

/** Fess's ApiResult.Status. */
export const STATUS = { OK: 0, BAD_REQUEST: 1, SYSTEM_ERROR: 2, UNAUTHORIZED: 3, FAILED: 9 } as const;

/** The admin role Fess requires on a token for /api/admin (api.admin.access.permissions=Radmin-api). */
export const ADMIN_PERMISSION = 'Radmin-api';

/** Messages of fess_message_en.properties the namespace uses. */
export const MSG = {
  notFound: (id: string) => `The data ${id} is not found.`,
  required: (label: string) => `${label} is required.`,
  notNumber: (label: string) => `${label} must be a number.`,
  size: (label: string, min: number, max: number) => `The size of ${label} must be between ${min} and ${max}.`,
  pattern: (label: string, regexp: string) => `${label} does not match "${regexp}".`,
  failedToCreate: (why: string) => `Failed to create a new data. (${why})`,
  failedToUpdate: (why: string) => `Failed to update the data. (${why})`,
  unauthorized: 'Unauthorized request.',
} as const;

/** Field labels (fess_label_en.properties). */
export const LABEL = {
  id: 'ID',
  name: 'Name',
  token: 'Token',
  parameterName: 'Parameter Name',
  expiredTime: 'Expired Time',
  expires: 'Expires',
  permissions: 'Permissions',
  versionNo: 'Version No',
  size: 'size',
  page: 'page',
} as const;

export const EXPIRES_PATTERN = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]';

const ROLE = '{role}';
const GROUP = '{group}';
const USER = '{user}';
const ALLOW = '(allow)';
const DENY = '(deny)';
const DENIED_PREFIX = 'D';

/** PermissionHelper.encode: `{role}admin` → `Radmin`, `{user}bob` → `1bob`, `{group}x` → `2x`, `(deny)` → `D` prefix; anything else as given. Blank → null. */
export function encodePermission(value: string): string | null {
  let permission = value.trim();
  if (permission === '') return null;
  let lower = permission.toLowerCase();
  let acl = '';
  if (lower.startsWith(ALLOW)) {
    permission = permission.slice(ALLOW.length);
    lower = lower.slice(ALLOW.length);
  } else if (lower.startsWith(DENY)) {
    permission = permission.slice(DENY.length);
    lower = lower.slice(DENY.length);
    acl = DENIED_PREFIX;
  }
  if (permission.trim() === '') return null;
  for (const [prefix, code] of [[USER, '1'], [GROUP, '2'], [ROLE, 'R']] as const) {
    if (lower.startsWith(prefix)) return permission.length > prefix.length ? acl + code + permission.slice(prefix.length) : null;
  }
  return permission;
}

/** PermissionHelper.decode: `Radmin` → `{role}admin`, `1bob` → `{user}bob`, `2x` → `{group}x`, `D…` → `(deny)…`. */
export function decodePermission(value: string): string | null {
  if (value.trim() === '') return null;
  let acl = '';
  let permission = value;
  if (permission.startsWith(DENIED_PREFIX)) {
    permission = permission.slice(DENIED_PREFIX.length);
    acl = DENY;
  }
  if (permission.trim() === '') return null;
  for (const [code, prefix] of [['1', USER], ['2', GROUP], ['R', ROLE]] as const) {
    if (permission.startsWith(code) && permission.length > code.length) return acl + prefix + permission.slice(code.length);
  }
  return permission;
}

/** Distinct, non-blank, in order (Fess's `.filter(isNotBlank).distinct()`). */
export function distinct(values: Iterable<string | null>): string[] {
  const out: string[] = [];
  for (const v of values) if (v !== null && v.trim() !== '' && !out.includes(v)) out.push(v);
  return out;
}

/** The docs profile's view of one stored permission: a role as its bare name, anything else decoded. */
export function docsPermission(encoded: string): string | null {
  const decoded = decodePermission(encoded);
  if (decoded === null) return null;
  return decoded.startsWith(ROLE) ? decoded.slice(ROLE.length) : decoded;
}

/** The docs profile's input: a bare name is a role; `{role}`/`{user}`/`{group}`/`(deny)` forms are taken as Fess takes them. */
export function encodeDocsPermission(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^(\{(role|user|group)\}|\((allow|deny)\))/i.test(trimmed) ? encodePermission(trimmed) : `R${trimmed}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Constants.DEFAULT_DATETIME_FORMAT `yyyy-MM-dd'T'HH:mm:ss`, in UTC. */
export function formatExpires(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Parses `yyyy-MM-ddTHH:mm:ss` (UTC); null when it is not a real date and time. */
export function parseExpires(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

/** Whether the token has expired at `now` (Fess: expiredTime > 0 and expiredTime < now). */
export function isExpired(token: FessToken, now: number): boolean {
  return token.expiredTime !== null && token.expiredTime > 0 && token.expiredTime < now;
}

/** One setting as the docs profile shows it (the seed's camelCase shape). */
export function docsSetting(t: FessToken): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.id, name: t.name, token: t.token, parameterName: t.parameterName ?? 'token' };
  if (t.expiredTime !== null && t.expiredTime > 0) out.expiredTime = t.expiredTime;
  out.permissions = distinct(t.permissions.map(docsPermission));
  out.versionNo = t.versionNo;
  return out;
}

/** One setting as Fess sends it (EditBody, snake_case, nulls left out, permissions decoded and newline-joined). */
export function liveSetting(t: FessToken): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.id, name: t.name, token: t.token };
  if (t.parameterName !== null) out.parameter_name = t.parameterName;
  if (t.expiredTime !== null) out.expires = formatExpires(t.expiredTime);
  out.permissions = distinct(t.permissions.map(decodePermission)).join('\n');
  out.created_by = t.createdBy;
  out.created_time = t.createdTime;
  out.updated_by = t.updatedBy;
  out.updated_time = t.updatedTime;
  out.version_no = t.versionNo;
  return out;
}

/** The roles of a token, for introspection's `scope`: role names bare, other permissions decoded. */
export function scopeOf(t: FessToken): string {
  return distinct(t.permissions.map(docsPermission)).join(' ');
}
