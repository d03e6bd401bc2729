import type { JournalEntry, JournalFilter } from './journal/journal';
import type { Fault, FaultSpec } from './faults/faults';
import type { MailMessage } from '../../../core/mail';
import type { SiteContext, TokenIntrospection } from '../../../core/namespace';
import type { TestControl } from './test-control';
import { verifyMails, verifyRequests, type MailExpectation, type RequestExpectation } from './verify/expectation';
import { VerificationError } from './verify/matchers';

/** What createApp() adds for tests: the control API's operations without HTTP. */
export interface TestControlHandles {
  outbox: {
    /** Messages oldest first; `to` filters by recipient (case-insensitive). */
    list(filter?: { to?: string }): MailMessage[];
    /** Empties the outbox (or one recipient's messages); returns how many went. */
    clear(filter?: { to?: string }): number;
  };
  journal: {
    /** Journaled requests oldest first (secrets redacted); throws JournalFilterError (as GET /journal would answer) on an invalid filter. */
    list(filter?: JournalFilter): JournalEntry[];
    clear(): number;
    /** How many entries it keeps at most (0: none). */
    readonly size: number;
    /** Bytes the kept entries hold now (at most JOURNAL_MAX_BYTES, the newest entry aside). */
    readonly bytes: number;
  };
  faults: {
    /** Adds a fault; throws FaultError naming the bad field (as POST /faults would answer). */
    add(spec: FaultSpec): Fault;
    list(): Fault[];
    remove(id: string): boolean;
    clear(): number;
    /** Latency waits in progress. */
    readonly pendingWaits: number;
  };
  /** The reset gate: requests answered now, and held while a reset runs. */
  gate: { readonly inFlight: number; readonly held: number };
  /** Back to the fixtures (or first-run state): store, outbox, caches, clock, faults. Waits for requests in flight. The journal is kept. */
  reset(): Promise<void>;
  /** RFC 7662-style: what any namespace knows about a token. */
  introspect(token: string, vendor?: string): TokenIntrospection;
  /** The journal's matching requests; throws a VerificationError listing the closest ones when none (or not `times`) match. */
  verify(expectation: RequestExpectation): JournalEntry[];
  /** As verify, for the outbox. */
  verifyMail(expectation: MailExpectation): MailMessage[];
}

declare module '../../../core/namespace' {
  interface ExtensionHandles extends TestControlHandles {}
}

export function testControlHandles(ctx: SiteContext, control: TestControl): TestControlHandles {
  const { journal, faults, gate } = control;
  return {
    outbox: {
      list: (filter = {}) => ctx.mailer.list(filter),
      clear: (filter = {}) => ctx.mailer.clear(filter),
    },
    journal: {
      list: (filter) => journal.list(filter),
      clear: () => journal.clear(),
      get size() {
        return journal.size;
      },
      get bytes() {
        return journal.bytes;
      },
    },
    faults: {
      add: (spec) => faults.add(spec),
      list: () => faults.list(),
      remove: (id) => faults.remove(id),
      clear: () => faults.clear(),
      get pendingWaits() {
        return faults.pendingWaits;
      },
    },
    gate: {
      get inFlight() {
        return gate.inFlight;
      },
      get held() {
        return gate.held;
      },
    },
    reset: () => control.reset(),
    introspect: (token, vendor) => control.introspect(token, vendor),
    verify: (expectation) => {
      const verdict = verifyRequests(journal.list(), expectation);
      if (!verdict.pass) throw new VerificationError(verdict.message);
      return verdict.matched as JournalEntry[];
    },
    verifyMail: (expectation) => {
      const verdict = verifyMails(ctx.mailer.list(), expectation);
      if (!verdict.pass) throw new VerificationError(verdict.message);
      return verdict.matched as MailMessage[];
    },
  };
}
