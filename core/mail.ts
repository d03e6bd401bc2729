import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';

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

/** How many messages the outbox keeps; the oldest go first. */
export const OUTBOX_CAPACITY = 1000;

/**
 * The emulator's wp_mail(): every message is kept in the outbox, where the admin and tests read it;
 * with a transport (SMTP_URL) it is also really sent. The outbox lives in memory only, bounded, and
 * never in the store file: mails carry secrets (pkmnapi tokens and delete codes) that the store keeps
 * only as hashes. A restart or a reset empties it. Nothing here logs a message body.
 */
export class Mailer {
  private readonly outbox = new Map<string, MailMessage>();

  constructor(
    private readonly clock: Clock,
    private transport: MailTransport | null = null,
    private readonly capacity = OUTBOX_CAPACITY,
  ) {}

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
    this.outbox.set(stored.id, stored);
    while (this.outbox.size > this.capacity) this.outbox.delete(this.outbox.keys().next().value!);
    if (this.transport) {
      try {
        await this.transport.send(message);
      } catch (e) {
        stored.delivery = 'failed';
        throw new MailDeliveryError(stored.id, e);
      }
    }
    return stored;
  }

  /** Messages oldest first, optionally only those to one recipient (case-insensitive). */
  list(filter: { to?: string } = {}): MailMessage[] {
    const to = filter.to?.toLowerCase();
    return [...this.outbox.values()].filter((m) => to === undefined || m.to.toLowerCase() === to).map((m) => ({ ...m }));
  }

  /** Empties the outbox (or one recipient's messages); returns how many were removed. */
  clear(filter: { to?: string } = {}): number {
    const doomed = this.list(filter);
    for (const m of doomed) this.outbox.delete(m.id);
    return doomed.length;
  }
}
