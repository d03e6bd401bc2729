import {
  verifyMails,
  verifyRequests,
  type MailExpectation,
  type ReceivedRequest,
  type RequestExpectation,
  type SentMail,
  type Verdict,
} from './expectation';

export type { Expected, MailExpectation, ReceivedRequest, RequestExpectation, SentMail, Verdict } from './expectation';
export { verifyMails, verifyRequests } from './expectation';

/**
 * Verification for test suites, in process or over HTTP, and the same as matchers for jest and
 * vitest (`expect.extend(emulatorMatchers)`):
 *
 *   expect(emu).toHaveReceived({ method: 'POST', path: '/wp-json/availo/v1/**', times: 1 });
 *   expect(emu).toHaveSentMail({ to: 'ash@example.com', subject: /token/ });
 *   await expect(client).toHaveReceived({ ... });   // client = emulatorClient({ url, user, password })
 *
 * A failing verification lists the closest requests (or mails) that were received.
 */

/** An emulator in this process (what `createApp()` returns has both). */
export interface InProcessEmulator {
  journal: { list(): readonly ReceivedRequest[] };
  outbox: { list(): readonly SentMail[] };
}

export class VerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerificationError';
  }
}

function ensure<T>(verdict: Verdict<T>): T[] {
  if (!verdict.pass) throw new VerificationError(verdict.message);
  return verdict.matched;
}

/** Throws a VerificationError listing the near misses unless the journal has the expected requests; returns the matches. */
export function verify(emu: InProcessEmulator, expectation: RequestExpectation): ReceivedRequest[] {
  return ensure(verifyRequests(emu.journal.list(), expectation));
}

/** As verify, for the outbox. */
export function verifyMail(emu: InProcessEmulator, expectation: MailExpectation): SentMail[] {
  return ensure(verifyMails(emu.outbox.list(), expectation));
}

export interface EmulatorClientOptions {
  /** The site's base URL (`http://127.0.0.1:8080`). */
  url: string;
  /** An administrator's login and application password (the control API needs `manage_options`). */
  user: string;
  password: string;
}

/** An emulator running elsewhere, read through its control API (`/wp-json/emulator/v1/journal`, `/outbox`). */
export class EmulatorClient {
  readonly #base: string;
  readonly #auth: string;

  constructor(options: EmulatorClientOptions) {
    this.#base = options.url.replace(/\/+$/, '');
    this.#auth = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
  }

  async #get<T>(route: string): Promise<T> {
    const url = `${this.#base}/wp-json/emulator/v1${route}`;
    const res = await fetch(url, { headers: { authorization: this.#auth, accept: 'application/json' } });
    const body = (await res.json().catch(() => null)) as (T & { message?: string }) | null;
    if (!res.ok || body === null) throw new VerificationError(`GET ${url} answered ${res.status}${body?.message ? `: ${body.message}` : ''}`);
    return body;
  }

  /** The journal, oldest first. */
  journal(): Promise<ReceivedRequest[]> {
    return this.#get('/journal');
  }

  /** The outbox, oldest first. */
  outbox(): Promise<SentMail[]> {
    return this.#get('/outbox');
  }

  async verify(expectation: RequestExpectation): Promise<ReceivedRequest[]> {
    return ensure(verifyRequests(await this.journal(), expectation));
  }

  async verifyMail(expectation: MailExpectation): Promise<SentMail[]> {
    return ensure(verifyMails(await this.outbox(), expectation));
  }
}

export function emulatorClient(options: EmulatorClientOptions): EmulatorClient {
  return new EmulatorClient(options);
}

interface MatcherResult {
  pass: boolean;
  message(): string;
}

function isInProcess(value: unknown): value is InProcessEmulator {
  const v = value as Partial<InProcessEmulator> | null;
  return typeof v === 'object' && v !== null && typeof v.journal?.list === 'function' && typeof v.outbox?.list === 'function';
}

function result<T>(verdict: Verdict<T>): MatcherResult {
  return { pass: verdict.pass, message: () => verdict.message };
}

function notAnEmulator(name: string, value: unknown): MatcherResult {
  return { pass: false, message: () => `${name}: expected what createApp() returns or an emulatorClient(), got ${typeof value}.` };
}

/** The matchers, for `expect.extend()` of jest or vitest. Over HTTP they are async: `await expect(client)...`. */
export const emulatorMatchers = {
  toHaveReceived(received: unknown, expectation: RequestExpectation): MatcherResult | Promise<MatcherResult> {
    if (isInProcess(received)) return result(verifyRequests(received.journal.list(), expectation));
    if (received instanceof EmulatorClient) return received.journal().then((entries) => result(verifyRequests(entries, expectation)));
    return notAnEmulator('toHaveReceived', received);
  },
  toHaveSentMail(received: unknown, expectation: MailExpectation): MatcherResult | Promise<MatcherResult> {
    if (isInProcess(received)) return result(verifyMails(received.outbox.list(), expectation));
    if (received instanceof EmulatorClient) return received.outbox().then((mails) => result(verifyMails(mails, expectation)));
    return notAnEmulator('toHaveSentMail', received);
  },
};

/**
 * The matchers' types, to add to your runner's (see docs/testing-with-jest.md):
 * jest: `declare global { namespace jest { interface Matchers<R> extends EmulatorMatchers<R> {} } }`;
 * vitest: `declare module 'vitest' { interface Assertion<T> extends EmulatorMatchers<T> {} }`.
 */
export interface EmulatorMatchers<R = unknown> {
  toHaveReceived(expectation: RequestExpectation): R;
  toHaveSentMail(expectation: MailExpectation): R;
}
