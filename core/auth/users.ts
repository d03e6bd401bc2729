import { bcrypt } from './bcrypt';
import type { Clock } from '../clock';
import type { Collection, Store } from '../store';
import { cachedCapabilities, capabilitiesOf, isRole } from './roles';
import { isEmail, phpEmptyString, phpTrim, sanitizeTitle, sanitizeUser } from '../wordpress/formatting';

/** A user as stored. The login password, if any, only as a bcrypt hash; it is never accepted over Basic auth. */
export interface UserRecord {
  id: number;
  login: string;
  email: string;
  displayName: string;
  nickname: string;
  firstName: string;
  lastName: string;
  /** user_nicename, the slug. */
  slug: string;
  url: string;
  description: string;
  locale: string;
  roles: string[];
  /** ISO time (UTC) the user was registered. */
  registered: string;
  passwordHash: string | null;
}

export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export interface NewUser {
  login: string;
  email: string;
  role?: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  url?: string;
  description?: string;
  id?: number;
  /** A login password (bcrypt-hashed before it is stored). */
  password?: string;
}

const LOGIN_PATTERN = /^[A-Za-z0-9 _.\-@]+$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

/** Why a login cannot be used, or null. Shared by user creation and the fixtures check, so a fixtures file that validates also loads. */
export function loginProblem(login: string): string | null {
  const trimmed = login.trim();
  if (trimmed === '' || !LOGIN_PATTERN.test(trimmed) || trimmed.length > 60) return 'must be up to 60 letters, digits, spaces and . _ - @';
  return null;
}

/** Why an e-mail address cannot be used, or null. */
export function emailProblem(email: string): string | null {
  return EMAIL_PATTERN.test(email.trim()) ? null : 'must be an e-mail address';
}

/** A new user's slug, as wp_insert_user makes it when given none: sanitize_title of the login's first 50 characters. */
function slugOf(login: string): string {
  return sanitizeTitle([...login].slice(0, 50).join(''));
}

/**
 * wp_insert_user's answer to a nicename another user has: `-2`, `-3`, ... appended to its first
 * 49 characters less the suffix's digits (mb_substr: code points), so the whole stays within 50;
 * `bob.smith` after `bob-smith` is `bob-smith-2`.
 */
export function uniqueNicename(wanted: string, taken: (slug: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  const chars = [...wanted];
  for (let n = 2; ; n++) {
    const slug = `${chars.slice(0, 49 - String(n).length).join('')}-${n}`;
    if (!taken(slug)) return slug;
  }
}

/** The key of the user ID sequence in the store's `site` collection. */
const USER_SEQUENCE = 'users-auto-increment';

const loginLower = (u: UserRecord): string => u.login.toLowerCase();
const emailLower = (u: UserRecord): string => u.email.toLowerCase();
const slugOfRecord = (u: UserRecord): string => u.slug;
const loginTaken = (login: string) => new UserError('existing_user_login', `The login '${login}' is already registered.`);
const emailTaken = (email: string) => new UserError('existing_user_email', `The e-mail address '${email}' is already registered.`);
const idTaken = (id: number) => new UserError('existing_user_id', `The user ID ${id} is already taken.`);

/** A login sanitize_user leaves as it is (nothing to trim, strip or drop). */
const PLAIN_LOGIN = /^[A-Za-z0-9_.@-]+$/;

/** The site's users, with WordPress's capability model. */
export class Users {
  private readonly users: Collection<UserRecord>;
  /** The next user ID, as the users table's AUTO_INCREMENT keeps it: an ID is never given again, even after its user is deleted. */
  private readonly sequence: Collection<{ next: number }>;

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly bcryptCost: number,
  ) {
    this.users = store.collection<UserRecord>('users');
    this.sequence = store.collection<{ next: number }>('site');
  }

  /** The ID a new user gets: above every user's, and above every ID given before (a store from before the sequence has only the first). */
  private nextId(): number {
    let id = this.sequence.get(USER_SEQUENCE)?.next ?? 1;
    for (const user of this.users.values()) id = Math.max(id, user.id + 1);
    return id;
  }

  /** Moves the sequence past an ID given out (in the turn that stores the user: two creations never get the same one). */
  private reserve(id: number): void {
    if ((this.sequence.get(USER_SEQUENCE)?.next ?? 1) <= id) this.sequence.put(USER_SEQUENCE, { next: id + 1 });
  }

  get count(): number {
    return this.users.size;
  }

  list(): UserRecord[] {
    return [...this.users.values()].sort((a, b) => a.id - b.id);
  }

  byId(id: number): UserRecord | undefined {
    return this.users.get(String(id));
  }

  byLogin(login: string): UserRecord | undefined {
    return this.users.findBy('login', login) ?? this.firstOf(this.users.findAllBy('loginLower', loginLower, login.toLowerCase()), (u) => u.login.toLowerCase() === login.toLowerCase());
  }

  byEmail(email: string): UserRecord | undefined {
    const lower = email.toLowerCase();
    return this.firstOf(this.users.findAllBy('emailLower', emailLower, lower), (u) => u.email.toLowerCase() === lower);
  }

  /**
   * The first user (in the collection's order) of those an index found: the index answers without a
   * scan; only when several users share the key (logins differing in case only, in a hand-edited store) is the
   * collection scanned, so the same user is found as before the index.
   */
  private firstOf(candidates: UserRecord[], same: (u: UserRecord) => boolean): UserRecord | undefined {
    if (candidates.length <= 1) return candidates[0];
    return this.users.find(same);
  }

  /** Whether a user other than `exceptId` has this nicename (wp_insert_user's check before it adds -2, -3, ...). */
  slugTaken(slug: string, exceptId?: number): boolean {
    return this.users.findAllBy('slug', slugOfRecord, slug).some((u) => u.id !== exceptId);
  }

  /**
   * get_user_by('login', text) as a login form or an Authorization header names a user: trimmed
   * (PHP's trim), nothing for '' or '0', then sanitize_user(…, false), which drops tags, accents,
   * %xx octets and entities (`" adm<b>in</b> "` is admin), compared as the database compares (case aside).
   */
  byGivenLogin(text: string): UserRecord | undefined {
    // The usual login (letters, digits, `_.@-`) is what trimming and sanitize_user leave it: looked up as it is.
    if (PLAIN_LOGIN.test(text) && text !== '0') return this.byLogin(text);
    const trimmed = phpTrim(text);
    return phpEmptyString(trimmed) ? undefined : this.byLogin(sanitizeUser(trimmed, false));
  }

  /** get_user_by('email', text): trimmed (PHP's trim), nothing for '' or '0', compared case aside. */
  byGivenEmail(text: string): UserRecord | undefined {
    const trimmed = phpTrim(text);
    return phpEmptyString(trimmed) ? undefined : this.byEmail(trimmed);
  }

  /** The user a login form or an Authorization header names: by login, else by e-mail when is_email() holds (wp_authenticate_application_password's order). */
  byLoginOrEmail(text: string): UserRecord | undefined {
    return this.byGivenLogin(text) ?? (isEmail(text) ? this.byGivenEmail(text) : undefined);
  }

  /**
   * WordPress's `admin_email` option, which the emulator does not keep apart from its users: the
   * address of the administrator with the lowest ID (the site's first administrator, who installs a
   * WordPress site and whose address the installer stores), or '' when there is none.
   */
  adminEmail(): string {
    return this.list().find((u) => u.roles.includes('administrator'))?.email ?? '';
  }

  /**
   * A new login password for the user, stored on the record as it is once bcrypt is done (what
   * changed meanwhile is kept); null when the user was deleted meanwhile (never stored again).
   */
  async setPassword(userId: number, password: string): Promise<UserRecord | null> {
    const passwordHash = await bcrypt().hash(password, this.bcryptCost);
    const current = this.byId(userId);
    if (!current) return null;
    const updated = { ...current, passwordHash };
    this.update(updated);
    return updated;
  }

  /** A user named by id, login or e-mail, as WP-CLI's `<user>` argument. */
  resolve(ref: string): UserRecord | undefined {
    if (/^\d+$/.test(ref)) return this.byId(Number(ref));
    return this.byLogin(ref) ?? this.byEmail(ref);
  }

  can(user: UserRecord | null | undefined, capability: string): boolean {
    if (!user) return false;
    return cachedCapabilities(user.roles)[capability] === true;
  }

  capabilities(user: UserRecord): Record<string, boolean> {
    return capabilitiesOf(user.roles);
  }

  /** Creates a user; the login password, if given, is hashed with bcrypt (async: it takes ~100 ms at cost 10). */
  async create(input: NewUser): Promise<UserRecord> {
    const record = this.draft(input);
    if (input.password !== undefined) record.passwordHash = await bcrypt().hash(input.password, this.bcryptCost);
    this.insert(record);
    return record;
  }

  /** Creates a user with an already-hashed (or no) login password: fixtures and first run. */
  createWithHash(input: NewUser, passwordHash: string | null): UserRecord {
    const record = this.draft(input);
    record.passwordHash = passwordHash;
    this.insert(record);
    return record;
  }

  /**
   * A new user, checked as wp_insert_user checks one, not stored: the caller finishes it (a password
   * hash, its fields) and stores it with insert(). Its `id` is the one asked for, or 0 until insert()
   * gives it the next one, so a creation that fails before it is stored takes no ID (as a failed
   * wp_insert_user takes no AUTO_INCREMENT value) and nobody sees a half-made user.
   */
  draft(input: NewUser): UserRecord {
    const login = input.login?.trim();
    // wp_insert_user's own check and words for a login that is only too long (mb_strlen over 60).
    if (login && LOGIN_PATTERN.test(login) && [...login].length > 60) throw new UserError('user_login_too_long', 'Username may not be longer than 60 characters.');
    if (!login || loginProblem(login) !== null) throw new UserError('invalid_username', `Invalid user login: '${input.login}'. Use up to 60 letters, digits, spaces and . _ - @.`);
    if (this.byLogin(login)) throw loginTaken(login);
    const email = input.email?.trim();
    if (!email || emailProblem(email) !== null) throw new UserError('invalid_email', `Invalid e-mail address: '${input.email}'.`);
    if (this.byEmail(email)) throw emailTaken(email);
    const role = input.role ?? 'subscriber';
    if (!isRole(role)) throw new UserError('invalid_role', `Invalid role: '${role}'. Use administrator, editor, author, contributor or subscriber.`);
    const id = input.id ?? 0;
    if (input.id !== undefined && (!Number.isInteger(id) || id < 1)) throw new UserError('invalid_id', `Invalid user ID: ${id}.`);
    if (id !== 0 && this.byId(id)) throw idTaken(id);
    return {
      id,
      login,
      email,
      displayName: input.displayName ?? login,
      nickname: login,
      firstName: input.firstName ?? '',
      lastName: input.lastName ?? '',
      slug: slugOf(login),
      url: input.url ?? '',
      description: input.description ?? '',
      locale: '',
      roles: [role],
      registered: new Date(this.clock.now()).toISOString().slice(0, 19).replace('T', ' '),
      passwordHash: null,
    };
  }

  /**
   * Stores a drafted user, checking again in the turn that stores it (a creation that awaited bcrypt
   * may have been overtaken by another with the same login, address or ID): its ID given (the next
   * one when it has none), its nicename made unique as wp_insert_user makes it (-2, -3, ...).
   * Throws UserError as draft() does.
   */
  insert(record: UserRecord): void {
    if (this.byLogin(record.login)) throw loginTaken(record.login);
    if (this.byEmail(record.email)) throw emailTaken(record.email);
    if (record.id === 0) record.id = this.nextId();
    else if (this.byId(record.id)) throw idTaken(record.id);
    this.reserve(record.id);
    record.slug = uniqueNicename(record.slug, (slug) => this.slugTaken(slug, record.id));
    this.users.put(String(record.id), record);
  }

  update(user: UserRecord): void {
    this.users.put(String(user.id), user);
  }

  delete(id: number): boolean {
    return this.users.delete(String(id));
  }

  /** Checks a login password (never used for REST; for the command line and tests). */
  async checkPassword(user: UserRecord, password: string): Promise<boolean> {
    return user.passwordHash !== null && bcrypt().compare(password, user.passwordHash);
  }
}
