import * as fs from 'node:fs';
import { bcrypt } from './auth/bcrypt';
import { isRole } from './auth/roles';
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

/** A user in the fixtures file: a NewUser (with its login password in plain text, bcrypt-hashed on load) and its application passwords. */
export interface FixtureUser extends NewUser {
  applicationPasswords?: FixtureApplicationPassword[];
}

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

const USER_KEYS = ['login', 'email', 'role', 'displayName', 'firstName', 'lastName', 'url', 'description', 'id', 'password', 'applicationPasswords'] as const;
const APP_PASSWORD_KEYS = ['name', 'password', 'uuid', 'appId', 'created'] as const;

function validateUsers(users: unknown): FixtureProblem[] {
  const c = fixtureChecks;
  if (!Array.isArray(users)) return [{ path: 'users', message: 'must be an array of users' }];
  const problems: FixtureProblem[] = [];
  const logins = new Set<string>();
  const emails = new Set<string>();
  const ids = new Set<number>();
  const uuids = new Set<string>();
  users.forEach((user, i) => {
    const at = `users[${i}]`;
    if (!isObject(user)) {
      problems.push({ path: at, message: 'must be an object' });
      return;
    }
    problems.push(...c.unknownKeys(user, USER_KEYS, at), ...c.string(user, 'login', at, true), ...c.string(user, 'email', at, true));
    for (const key of ['displayName', 'firstName', 'lastName', 'url', 'description', 'password'] as const) {
      if (key in user && typeof user[key] !== 'string') problems.push({ path: `${at}.${key}`, message: 'must be a string' });
    }
    problems.push(...c.integer(user, 'id', at, false, 1));
    if ('role' in user && (typeof user.role !== 'string' || !isRole(user.role))) problems.push({ path: `${at}.role`, message: 'must be one of administrator, editor, author, contributor, subscriber' });
    if (typeof user.login === 'string' && user.login !== '') {
      const problem = loginProblem(user.login);
      if (problem) problems.push({ path: `${at}.login`, message: problem });
      if (logins.has(user.login.trim().toLowerCase())) problems.push({ path: `${at}.login`, message: `duplicate login "${user.login}"` });
      logins.add(user.login.trim().toLowerCase());
    }
    if (typeof user.email === 'string' && user.email !== '') {
      const problem = emailProblem(user.email);
      if (problem) problems.push({ path: `${at}.email`, message: problem });
      if (emails.has(user.email.trim().toLowerCase())) problems.push({ path: `${at}.email`, message: `duplicate e-mail "${user.email}"` });
      emails.add(user.email.trim().toLowerCase());
    }
    if (typeof user.id === 'number') {
      if (ids.has(user.id)) problems.push({ path: `${at}.id`, message: `duplicate id ${user.id}` });
      ids.add(user.id);
    }
    if ('applicationPasswords' in user) {
      if (!Array.isArray(user.applicationPasswords)) problems.push({ path: `${at}.applicationPasswords`, message: 'must be an array' });
      else
        user.applicationPasswords.forEach((ap: unknown, j: number) => {
          const apAt = `${at}.applicationPasswords[${j}]`;
          if (!isObject(ap)) {
            problems.push({ path: apAt, message: 'must be an object' });
            return;
          }
          problems.push(...c.unknownKeys(ap, APP_PASSWORD_KEYS, apAt), ...c.string(ap, 'name', apAt, true), ...c.string(ap, 'password', apAt, true));
          if (typeof ap.password === 'string' && ap.password.replace(/[^a-z\d]/gi, '') === '') problems.push({ path: `${apAt}.password`, message: 'must contain letters or digits' });
          if ('uuid' in ap) {
            if (typeof ap.uuid !== 'string' || !UUID.test(ap.uuid)) problems.push({ path: `${apAt}.uuid`, message: 'must be a UUID' });
            else if (uuids.has(ap.uuid.toLowerCase())) problems.push({ path: `${apAt}.uuid`, message: `duplicate uuid ${ap.uuid}` });
            else uuids.add(ap.uuid.toLowerCase());
          }
          if ('appId' in ap && (typeof ap.appId !== 'string' || (ap.appId !== '' && !UUID.test(ap.appId)))) problems.push({ path: `${apAt}.appId`, message: 'must be "" or a UUID' });
          problems.push(...c.integer(ap, 'created', apAt, false, 0));
        });
    }
  });
  return problems;
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
    const hash = user.password !== undefined ? await bcrypt().hash(user.password, ctx.config.bcryptCost) : null;
    const record = ctx.users.createWithHash({ ...user, role: user.role ?? 'subscriber' }, hash);
    for (const ap of user.applicationPasswords ?? []) {
      ctx.applicationPasswords.create(record.id, { name: ap.name, password: ap.password, uuid: ap.uuid, appId: ap.appId, created: ap.created });
    }
  }
  for (const module of modules) {
    if (module.fixtures && fixtures[module.id] !== undefined) await module.fixtures.load(fixtures[module.id], ctx);
  }
}
