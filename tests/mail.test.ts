import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { createClock } from '../core/clock';
import { ConfigError } from '../core/config';
import { createLogger } from '../core/log';
import { Mailer, MailDeliveryError } from '../core/mail';
import type { EmulatorApp } from '../plugin/app';
import { asAdmin, standardApp } from './helpers';

const START = '2030-01-01T00:00:00Z';
const tokenBody = (email: string) => JSON.stringify({ data: { type: 'access_tokens', attributes: { email_address: email } } });

interface Received {
  from: string;
  to: string[];
  raw: string;
  user?: string;
}

/** A real SMTP server on loopback (no TLS), collecting what it receives. */
async function startSmtp(auth?: { user: string; pass: string }): Promise<{ server: SMTPServer; port: number; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !auth,
    logger: false,
    onAuth(a, _session, callback) {
      if (auth && a.username === auth.user && a.password === auth.pass) return callback(null, { user: a.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A loopback port with nothing listening (a server started and stopped). */
async function deadPort(): Promise<number> {
  const smtp = await startSmtp();
  await smtp.stop();
  return smtp.port;
}

function postToken(emu: EmulatorApp, email: string) {
  return request(emu.app).post('/wp-json/pkmnapi/v1/access_tokens').set('Authorization', asAdmin).set('Content-Type', 'application/json').send(tokenBody(email));
}

/** Decodes a quoted-printable text part enough to find a token (soft line breaks, =XX). */
function unQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('the outbox (core Mailer)', () => {
  it('keeps every message with recipient, subject, text, sender and time; lists by recipient; clears', async () => {
    const clock = createClock(START);
    const mailer = new Mailer(clock);
    const first = await mailer.send({ to: 'a@example.com', subject: 's1', text: 't1', from: 'pkmnapi' });
    clock.advance(5);
    await mailer.send({ to: 'B@example.com', subject: 's2', text: 't2' });
    expect(first).toMatchObject({ to: 'a@example.com', subject: 's1', text: 't1', from: 'pkmnapi', delivery: 'outbox', sentAt: '2030-01-01T00:00:00.000Z' });
    expect(mailer.list().map((m) => m.subject)).toEqual(['s1', 's2']);
    expect(mailer.list({ to: 'b@example.com' })).toHaveLength(1);
    expect(mailer.clear({ to: 'a@example.com' })).toBe(1);
    expect(mailer.list().map((m) => m.to)).toEqual(['B@example.com']);
  });

  it('is bounded: the oldest messages go first', async () => {
    const mailer = new Mailer(createClock(START), null, 3);
    for (let i = 1; i <= 5; i++) await mailer.send({ to: 'a@example.com', subject: `s${i}`, text: 't' });
    expect(mailer.list().map((m) => m.subject)).toEqual(['s3', 's4', 's5']);
  });

  it('is never written to the store file: mails carry tokens that the store keeps only as hashes', async () => {
    const emu = await standardApp({ clock: START });
    await postToken(emu, 'your@email.com');
    const token = /access token: (\w+)/.exec(emu.mailer.list()[0]!.text)![1]!;
    expect(JSON.stringify(emu.store.exportData())).not.toContain(token);
    await emu.close();
  });

  it('keeps the message marked failed when the transport throws, and rejects with MailDeliveryError', async () => {
    const mailer = new Mailer(createClock(START), { send: async () => Promise.reject(new Error('boom')) });
    await expect(mailer.send({ to: 'a@example.com', subject: 's', text: 'secret' })).rejects.toBeInstanceOf(MailDeliveryError);
    expect(mailer.list()).toMatchObject([{ to: 'a@example.com', delivery: 'failed', text: 'secret' }]);
  });
});

describe('SMTP delivery (SMTP_URL)', () => {
  it('really sends the token mail through the SMTP server and keeps it in the outbox as sent', async () => {
    const smtp = await startSmtp();
    const emu = await standardApp({ clock: START, settings: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Pkmnapi <noreply@pkmnapi.test>' } });
    try {
      const res = await postToken(emu, 'your@email.com');
      expect(res.status).toBe(201);
      expect(res.text).toBe('{}');
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.to).toEqual(['your@email.com']);
      expect(mail!.from).toBe('noreply@pkmnapi.test');
      expect(mail!.raw).toMatch(/^Subject: Pkmnapi access token\r$/m);
      const outbox = emu.mailer.list();
      expect(outbox).toHaveLength(1);
      expect(outbox[0]!.delivery).toBe('sent');
      const token = /This is your access token: ([A-Za-z0-9]{64})/.exec(outbox[0]!.text)![1]!;
      expect(unQuotedPrintable(mail!.raw)).toContain(`This is your access token: ${token}`);
      expect(emu.site.introspect(token, 'pkmnapi').active).toBe(true);
    } finally {
      await emu.close();
      await smtp.stop();
    }
  });

  it('authenticates with the credentials in the URL', async () => {
    const smtp = await startSmtp({ user: 'mailer', pass: 's3cret' });
    const emu = await standardApp({ clock: START, settings: { SMTP_URL: `smtp://mailer:s3cret@127.0.0.1:${smtp.port}` } });
    try {
      expect((await postToken(emu, 'your@email.com')).status).toBe(201);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.user).toBe('mailer');
    } finally {
      await emu.close();
      await smtp.stop();
    }
  });

  it('server down: 403 error_access_tokens_email "Could not send email", the outbox keeps the message, and the logs keep the token out', async () => {
    const port = await deadPort();
    const lines: string[] = [];
    const emu = await standardApp({ clock: START, settings: { SMTP_URL: `smtp://127.0.0.1:${port}` }, logger: createLogger('debug', 'text', (l) => lines.push(l)) });
    try {
      const res = await postToken(emu, 'your@email.com');
      expect(res.status).toBe(403);
      expect(res.headers.server).toBe('pkmnapi/0.1.0');
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.text).toBe(JSON.stringify({ data: { id: 'error_access_tokens_email', type: 'errors', attributes: { message: 'Could not send email' } } }));
      const outbox = emu.mailer.list();
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ to: 'your@email.com', subject: 'Pkmnapi access token', delivery: 'failed' });
      const token = /([A-Za-z0-9]{64})/.exec(outbox[0]!.text)![1]!;
      // As the real API: the new token was saved before the mail failed, so it is live and the cooldown runs.
      expect(emu.site.introspect(token, 'pkmnapi').active).toBe(true);
      expect((await postToken(emu, 'your@email.com')).body.data.id).toBe('error_access_tokens_timeout');
      expect(lines.some((l) => l.includes('mail delivery failed'))).toBe(true);
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await emu.close();
    }
  });

  it('a failed delete-code mail answers 403 error_access_tokens_email too', async () => {
    const smtp = await startSmtp();
    const emu = await standardApp({ clock: START, settings: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
    try {
      expect((await postToken(emu, 'your@email.com')).status).toBe(201);
      await smtp.stop();
      emu.clock.advance(601);
      const res = await request(emu.app).post('/wp-json/pkmnapi/v1/access_tokens/delete').set('Authorization', asAdmin).set('Content-Type', 'application/json').send(tokenBody('your@email.com'));
      expect(res.status).toBe(403);
      expect(res.body.data).toEqual({ id: 'error_access_tokens_email', type: 'errors', attributes: { message: 'Could not send email' } });
      expect(emu.mailer.list().map((m) => [m.subject, m.delivery])).toEqual([
        ['Pkmnapi access token', 'sent'],
        ['Pkmnapi delete access token', 'failed'],
      ]);
    } finally {
      await emu.close();
    }
  });

  it('without SMTP_URL mail only goes to the outbox', async () => {
    const emu = await standardApp({ clock: START });
    try {
      expect((await postToken(emu, 'your@email.com')).status).toBe(201);
      expect(emu.mailer.list()[0]!.delivery).toBe('outbox');
    } finally {
      await emu.close();
    }
  });

  it('a malformed SMTP_URL stops the start with a ConfigError that names the setting but not its password', async () => {
    for (const url of ['http://user:hunter2@example.com', 'not a url hunter2']) {
      const attempt = standardApp({ settings: { SMTP_URL: url } });
      await expect(attempt).rejects.toBeInstanceOf(ConfigError);
      await expect(attempt).rejects.toThrow(/SMTP_URL/);
      await expect(attempt).rejects.not.toThrow(/hunter2/);
    }
  });
});
