import * as fs from 'node:fs';
import { bcrypt } from './auth/bcrypt';
import { ROLES } from './auth/roles';
import { applicationNameProblem } from './auth/application-passwords';
import { emailProblem, loginProblem, type NewUser } from './auth/users';
import type { FixtureProblem, FixturesSection, NamespaceModule, SiteContext } from './namespace';
import { documentProblems, type Schema } from './validation';

/** A fixtures file that cannot be used; the message lists every problem with its path in the file. */
export class FixtureError extends Error {
  constructor(
    readonly source: string,
    readonly problems: FixtureProblem[],
  ) {
    super(`Invalid fixtures ${source}:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'FixtureError';
  }
}

export interface FixtureApplicationPassword {
  name: string;
  password: string;
  uuid?: string;
  appId?: string;
  created?: number;
}

/**
 * A user in the fixtures file: a NewUser, with its login password in plain text (bcrypt-hashed on
 * load) or already hashed (`passwordHash`, stored as it is), and its application passwords.
 */
export interface FixtureUser extends NewUser {
  /** The login password as a bcrypt hash (`$2y$10$...`, as WordPress's `user_pass` may hold one), instead of `password`. */
  passwordHash?: string;
  applicationPasswords?: FixtureApplicationPassword[];
}

/** A bcrypt hash as PHP's password_hash() and bcryptjs write it: version, two-digit cost 04–31, 22 characters of salt and 31 of hash. */
const BCRYPT_HASH = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;

export interface Fixtures {
  users?: FixtureUser[];
  [namespaceId: string]: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `value[key]` checked against `schema` by the one validation mechanism; `is required` when absent and required. */
function field(value: Record<string, unknown>, key: string, path: string, required: boolean, schema: Schema): FixtureProblem[] {
  if (!(key in value) || value[key] === undefined) return required ? [{ path: `${path}.${key}`, message: 'is required' }] : [];
  return documentProblems(value[key], schema, `${path}.${key}`);
}

/** Helpers for namespace validators (each a schema checked by core/validation.ts): each returns problems, never throws. */
export const fixtureChecks = {
  isObject,
  unknownKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): FixtureProblem[] {
    return Object.keys(value)
      .filter((k) => !allowed.includes(k))
      .map((k) => ({ path: `${path}.${k}`, message: `unknown key (allowed: ${allowed.join(', ')})` }));
  },
  string(value: Record<string, unknown>, key: string, path: string, required: boolean): FixtureProblem[] {
    return field(value, key, path, required, { type: 'string', minLength: 1 });
  },
  integer(value: Record<string, unknown>, key: string, path: string, required: boolean, min = Number.MIN_SAFE_INTEGER): FixtureProblem[] {
    return field(value, key, path, required, { type: 'integer', ...(min > Number.MIN_SAFE_INTEGER ? { minimum: min } : {}) });
  },
  array(value: Record<string, unknown>, key: string, path: string, required: boolean): FixtureProblem[] {
    return field(value, key, path, required, { type: 'array' });
  },
};

const text = { type: 'string' } as const satisfies Schema;
const nonEmpty = { type: 'string', minLength: 1 } as const satisfies Schema;

/** The `users` section: WordPress's rules for logins, e-mails and roles; application passwords in plain text (hashed on load). */
const USERS_SCHEMA: Schema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    properties: {
      login: { ...nonEmpty, required: true, validate: (v) => loginProblem(String(v)) ?? true },
      email: { ...nonEmpty, required: true, validate: (v) => emailProblem(String(v)) ?? true },
      role: { type: 'string', enum: Object.keys(ROLES) },
      displayName: text,
      firstName: text,
      lastName: text,
      url: text,
      description: text,
      id: { type: 'integer', minimum: 1 },
      password: text,
      passwordHash: { type: 'string', validate: (v) => BCRYPT_HASH.test(String(v)) || 'must be a bcrypt hash: $2y$ (or $2a$, $2b$), a cost from 04 to 31, $ and 53 characters' },
      applicationPasswords: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { ...nonEmpty, required: true, validate: (v) => applicationNameProblem(String(v)) ?? true },
            password: { ...nonEmpty, required: true, validate: (v) => String(v).replace(/[^a-z\d]/gi, '') !== '' || 'must contain letters or digits' },
            uuid: { type: 'string', format: 'uuid' },
            appId: { type: 'string', validate: (v) => v === '' || UUID.test(String(v)) || 'must be "" or a UUID' },
            created: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
  },
};

/** What the schema cannot say: logins and e-mails (without case), ids and application-password uuids are each used once. */
function duplicateUsers(users: unknown[]): FixtureProblem[] {
  const problems: FixtureProblem[] = [];
  const seen = { login: new Set<string>(), email: new Set<string>(), id: new Set<number>(), uuid: new Set<string>() };
  users.forEach((user, i) => {
    if (!isObject(user)) return;
    const at = `users[${i}]`;
    for (const key of ['login', 'email'] as const) {
      if (typeof user[key] !== 'string' || user[key] === '') continue;
      const value = (user[key] as string).trim().toLowerCase();
      if (seen[key].has(value)) problems.push({ path: `${at}.${key}`, message: `duplicate ${key === 'login' ? 'login' : 'e-mail'} "${user[key] as string}"` });
      seen[key].add(value);
    }
    if (typeof user.id === 'number') {
      if (seen.id.has(user.id)) problems.push({ path: `${at}.id`, message: `duplicate id ${user.id}` });
      seen.id.add(user.id);
    }
    if (!Array.isArray(user.applicationPasswords)) return;
    user.applicationPasswords.forEach((ap: unknown, j: number) => {
      if (!isObject(ap) || typeof ap.uuid !== 'string' || !UUID.test(ap.uuid)) return;
      if (seen.uuid.has(ap.uuid.toLowerCase())) problems.push({ path: `${at}.applicationPasswords[${j}].uuid`, message: `duplicate uuid ${ap.uuid}` });
      seen.uuid.add(ap.uuid.toLowerCase());
    });
  });
  return problems;
}

function validateUsers(users: unknown): FixtureProblem[] {
  if (!Array.isArray(users)) return [{ path: 'users', message: 'must be an array of users' }];
  const bothPasswords = users.flatMap((user, i) =>
    isObject(user) && user.password !== undefined && user.passwordHash !== undefined ? [{ path: `users[${i}].passwordHash`, message: 'give password or passwordHash, not both' }] : [],
  );
  return [...documentProblems(users, USERS_SCHEMA, 'users'), ...bothPasswords, ...duplicateUsers(users)];
}

/** The index of the first record a path is in (`x.items[3].name` → 3), -1 for none. */
function recordOf(path: string): number {
  const m = /\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : -1;
}

/**
 * Every problem of a namespace's section: its schema's (core/validation.ts), then the rules the schema
 * cannot say, listed record by record (a record's schema problems before its other ones).
 */
export function sectionProblems(section: FixturesSection, value: unknown, prefix: string): FixtureProblem[] {
  const shape = section.schema ? documentProblems(value, section.schema, prefix) : [];
  // A section whose top level is not the declared shape has nothing further to check.
  if (shape.some((p) => p.path === prefix)) return shape;
  const rules = section.validate ? section.validate(value, prefix) : [];
  if (shape.length === 0 || rules.length === 0) return [...shape, ...rules];
  return [...shape, ...rules].map((p, order) => ({ p, order })).sort((a, b) => recordOf(a.p.path) - recordOf(b.p.path) || a.order - b.order).map(({ p }) => p);
}

/** Checks a whole fixtures object: the users section and each namespace's section, unknown top-level keys refused. */
export function validateFixtures(data: unknown, modules: readonly NamespaceModule[], source: string): Fixtures {
  if (!isObject(data)) throw new FixtureError(source, [{ path: '(top level)', message: 'must be a JSON object' }]);
  const problems: FixtureProblem[] = [];
  const sections = new Map(modules.map((m) => [m.id, m]));
  for (const [key, value] of Object.entries(data)) {
    if (key === '$schema' || key === 'description') continue;
    if (key === 'users') problems.push(...validateUsers(value));
    else if (sections.has(key)) {
      const module = sections.get(key)!;
      if (module.fixtures) problems.push(...sectionProblems(module.fixtures, value, key));
      else problems.push({ path: key, message: `the ${key} namespace takes no fixtures` });
    } else problems.push({ path: key, message: `unknown section (allowed: users, ${modules.filter((m) => m.fixtures).map((m) => m.id).join(', ')})` });
  }
  if (problems.length > 0) throw new FixtureError(source, problems);
  return data as Fixtures;
}

/** Reads and validates a fixtures file. */
export function readFixturesFile(file: string, modules: readonly NamespaceModule[]): Fixtures {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new FixtureError(file, [{ path: '(file)', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new FixtureError(file, [{ path: '(file)', message: `invalid JSON: ${(e as Error).message}` }]);
  }
  return validateFixtures(data, modules, file);
}

/** Loads validated fixtures into an empty store: users and their application passwords, then each namespace's section. */
export async function loadFixtures(fixtures: Fixtures, modules: readonly NamespaceModule[], ctx: SiteContext): Promise<void> {
  for (const user of fixtures.users ?? []) {
    const hash = user.passwordHash ?? (user.password !== undefined ? await bcrypt().hash(user.password, ctx.config.bcryptCost) : null);
    const record = ctx.users.createWithHash({ ...user, role: user.role ?? 'subscriber' }, hash);
    for (const ap of user.applicationPasswords ?? []) {
      ctx.applicationPasswords.create(record.id, { name: ap.name, password: ap.password, uuid: ap.uuid, appId: ap.appId, created: ap.created });
    }
  }
  for (const module of modules) {
    if (module.fixtures && fixtures[module.id] !== undefined) await module.fixtures.load(fixtures[module.id], ctx);
  }
}
