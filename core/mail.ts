import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import type { Collection, Store } from './store';

/** One message the site sent (wp_mail), as kept in the outbox. */
export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** ISO time by the emulator's clock. */
  sentAt: string;
  /** Who sent it: the namespace, or 'core'. */
  from: string;
  /** SMTP delivery: 'outbox' (no SMTP configured), 'sent', or 'failed'. */
  delivery: 'outbox' | 'sent' | 'failed';
}

/** Really delivers a message (SMTP). Throws when delivery fails. */
export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close?(): void;
}

export class MailDeliveryError extends Error {
  constructor(readonly messageId: string, cause: unknown) {
    super(`Mail could not be delivered: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'MailDeliveryError';
  }
}

/**
 * The emulator's wp_mail(): every message is kept in the outbox (in the store), where the admin and
 * tests read it; with a transport (SMTP_URL) it is also really sent. Bodies may hold secrets (tokens,
 * codes): nothing here logs them.
 */
export class Mailer {
  private readonly outbox: Collection<MailMessage>;

  constructor(
    store: Store,
    private readonly clock: Clock,
    private transport: MailTransport | null = null,
  ) {
    this.outbox = store.collection<MailMessage>('outbox');
  }

  setTransport(transport: MailTransport | null): void {
    this.transport = transport;
  }

  /**
   * Keeps the message in the outbox, then delivers it when a transport is set. Resolves to the
   * stored message; rejects with MailDeliveryError when delivery fails (the outbox still has it).
   */
  async send(message: { to: string; subject: string; text: string; from?: string }): Promise<MailMessage> {
    const stored: MailMessage = {
      id: randomUUID(),
      to: message.to,
      subject: message.subject,
      text: message.text,
      from: message.from ?? 'core',
      sentAt: new Date(this.clock.now()).toISOString(),
      delivery: this.transport ? 'sent' : 'outbox',
    };
    this.outbox.put(stored.id, stored);
    if (this.transport) {
      try {
        await this.transport.send(message);
      } catch (e) {
        stored.delivery = 'failed';
        this.outbox.put(stored.id, { ...stored });
        throw new MailDeliveryError(stored.id, e);
      }
    }
    return stored;
  }

  /** Messages oldest first, optionally only those to one recipient (case-insensitive). */
  list(filter: { to?: string } = {}): MailMessage[] {
    const to = filter.to?.toLowerCase();
    return [...this.outbox.values()].filter((m) => to === undefined || m.to.toLowerCase() === to).sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  }

  /** Empties the outbox (or one recipient's messages); returns how many were removed. */
  clear(filter: { to?: string } = {}): number {
    const doomed = this.list(filter);
    for (const m of doomed) this.outbox.delete(m.id);
    return doomed.length;
  }
}
