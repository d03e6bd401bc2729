import type NodemailerModule from 'nodemailer';
import { ConfigError, type SettingValue, type SettingsSpec } from './config';
import type { Mailer, MailTransport } from './mail';

export interface SmtpTransportOptions {
  /** `smtp://[user:pass@]host[:port]` or `smtps://...` (nodemailer's connection URL; query options such as `?ignoreTLS=true` allowed). */
  url: string;
  /** The From header: `Name <address>` or an address. */
  from: string;
  /** Give up connecting / waiting for the greeting after this many ms (default 10 s). */
  timeoutMs?: number;
}

/** Checks an SMTP URL without connecting: throws with a message that never repeats the URL (it may hold a password). */
export function checkSmtpUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('SMTP_URL is not a URL (expected smtp://host:port or smtps://host:port)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  if (parsed.hostname === '') throw new Error('SMTP_URL has no host');
}

/**
 * Real delivery through nodemailer's SMTP transport (one connection per message, nothing kept open).
 * Errors are rethrown with nodemailer's message only; the message body (which may hold a token) and
 * the URL's credentials never appear in them, and nodemailer's own logger stays off.
 */
export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  checkSmtpUrl(options.url);
  const timeout = options.timeoutMs ?? 10_000;
  // Bounded waits so a dead server fails the request instead of hanging it; the URL's own options win.
  // Loaded only when mail is really sent (SMTP_URL set): nodemailer adds ~30 ms to every start otherwise.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodemailer = require('nodemailer') as typeof NodemailerModule;
  const transporter = nodemailer.createTransport(
    { url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout * 3, logger: false, debug: false },
    { from: options.from },
  );
  return {
    async send(message) {
      try {
        await transporter.sendMail({ to: message.to, subject: message.subject, text: message.text });
      } catch (e) {
        const code = (e as { code?: unknown })?.code;
        throw new Error(`SMTP delivery failed${typeof code === 'string' ? ` (${code})` : ''}`);
      }
    },
    close: () => transporter.close(),
  };
}

/** The mail settings (SMTP_URL, MAIL_FROM), read once at start with the others. */
export const mailSettings = {
  SMTP_URL: {
    type: 'string',
    default: '',
    doc: 'Also deliver every outgoing mail (tokens, delete codes) through this SMTP server: smtp://[user:pass@]host:port or smtps://... Empty: mail only goes to the outbox.',
  },
  MAIL_FROM: { type: 'string', default: 'wp-token-emulator <wordpress@localhost>', doc: 'From header of mail sent through SMTP_URL.' },
} as const satisfies SettingsSpec;

/**
 * Gives the mailer an SMTP transport when SMTP_URL is set. A malformed URL stops the start with a
 * ConfigError that names SMTP_URL but never repeats its value (it may hold a password).
 */
export function configureMailTransport(mailer: Mailer, settings: Readonly<Record<string, SettingValue>>): boolean {
  const url = typeof settings.SMTP_URL === 'string' ? settings.SMTP_URL.trim() : '';
  if (url === '') return false;
  try {
    checkSmtpUrl(url);
  } catch (e) {
    throw new ConfigError('SMTP_URL', (e as Error).message.replace(/^SMTP_URL /, ''));
  }
  const from = typeof settings.MAIL_FROM === 'string' && settings.MAIL_FROM !== '' ? settings.MAIL_FROM : mailSettings.MAIL_FROM.default;
  mailer.setTransport(createSmtpTransport({ url, from }));
  return true;
}
