/**
 * The token ledger alone, with a stand-in vendor: it finds tokens in answers and mails by asking
 * introspect, keeps only the last 1,000 answers unread (nothing is parsed on the request path),
 * never gives the token out, and tells expired, rotated and revoked apart.
 */
import type { MailMessage } from '../../core/mail';
import type { TokenIntrospection } from '../../core/namespace';
import { TokenLedger } from '../../wp-json/emulator/v1/dashboard/tokens';

function vendor() {
  const issued = new Map<string, { sub: string; exp: number; active: boolean }>();
  let now = 1_000_000;
  const mails: MailMessage[] = [];
  let calls = 0;
  const ledger = new TokenLedger({
    introspect: (token): TokenIntrospection => {
      calls++;
      const t = issued.get(token);
      if (!t) return { active: false, vendor: 'unknown' };
      return { active: t.active && t.exp > now / 1000, vendor: 'acme', sub: t.sub, iat: 1000, exp: t.exp };
    },
    now: () => now,
    mails: () => mails,
  });
  return {
    ledger,
    issue: (token: string, sub: string, exp = 2000) => issued.set(token, { sub, exp, active: true }),
    revoke: (token: string) => (issued.get(token)!.active = false),
    advance: (s: number) => (now += s * 1000),
    mails,
    calls: () => calls,
  };
}

it('finds tokens in answers (JSON or text) and mails; lists them newest first by prefix and hash only', () => {
  const v = vendor();
  const a = 'tok_aaaaaaaaaaaaaaaaaaaaaaaa';
  const b = 'tok_bbbbbbbbbbbbbbbbbbbbbbbb';
  v.issue(a, 'alice');
  v.issue(b, 'bob');
  v.ledger.observe(Buffer.from(JSON.stringify({ data: { token: a }, note: 'not_a_token_but_long_enough' })), 1_000_000, 'POST /x');
  v.mails.push({ id: 'm1', to: 'bob@example.com', subject: 'Your token', text: `Token: ${b}\n`, sentAt: new Date(1_000_000).toISOString(), from: 'acme', delivery: 'outbox' });
  const list = v.ledger.list();
  expect(list.map((t) => [t.sub, t.state, t.source])).toEqual([
    ['bob', 'active', 'mail to bob@example.com: Your token'],
    ['alice', 'active', 'POST /x'],
  ]);
  expect(list[1]!.prefix).toBe('tok_aaaa…');
  expect(list[1]!.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(list)).not.toContain(a);
});

it('observing an answer does no work until the ledger is read, and keeps only the last 1,000', () => {
  const v = vendor();
  for (let i = 0; i < 1500; i++) {
    const token = `tok_${String(i).padStart(24, '0')}`;
    v.issue(token, `user${i}`);
    v.ledger.observe(Buffer.from(token), 1_000_000, 'POST /x');
  }
  expect(v.calls()).toBe(0);
  const list = v.ledger.list();
  expect(list).toHaveLength(1000);
  expect(list[0]!.sub).toBe('user1499');
  expect(list.at(-1)!.sub).toBe('user500');
});

it('keeps the last 1,000 answers whatever their sizes: a large one, many small ones, sources in any script', () => {
  const v = vendor();
  const big = 'tok_big_xxxxxxxxxxxxxxxxxxxx';
  v.issue(big, 'big');
  for (let i = 0; i < 3000; i++) {
    const token = `tok_${String(i).padStart(24, '0')}`;
    v.issue(token, `user${i}`);
    // Sizes from a few bytes to a few KB, and once an answer larger than a page, among the last 1,000.
    const body = i === 2500 ? `${'x '.repeat(60_000)}${big}` : `${' '.repeat(i % 4000)}{"token":"${token}"}`;
    v.ledger.observe(Buffer.from(body), 1_000_000 + i, `POST /é/${i}`);
  }
  const list = v.ledger.list();
  expect(list).toHaveLength(1000);
  expect(list[0]!.sub).toBe('user2999');
  expect(list.find((t) => t.sub === 'big')!.source).toBe('POST /é/2500');
  expect(list.filter((t) => t.sub !== 'big').map((t) => t.sub)).toEqual(Array.from({ length: 1000 }, (_, i) => `user${2999 - i}`).filter((s) => s !== 'user2500'));
  expect(list.at(-1)!.sub).toBe('user2000');
  // Read once: the next read finds nothing new, and later answers are queued again.
  expect(v.ledger.list()).toHaveLength(1000);
  v.issue('tok_after_xxxxxxxxxxxxxxxxxx', 'after');
  v.ledger.observe(Buffer.from('tok_after_xxxxxxxxxxxxxxxxxx'), 2_000_000, 'POST /x');
  expect(v.ledger.list()[0]!.sub).toBe('after');
});

it('expired by the clock, rotated when a newer token of the same subject exists, revoked otherwise', () => {
  const v = vendor();
  v.issue('tok_old_xxxxxxxxxxxxxxxxxxx', 'alice', 5000);
  v.issue('tok_new_xxxxxxxxxxxxxxxxxxx', 'alice', 5000);
  v.issue('tok_bob_xxxxxxxxxxxxxxxxxxx', 'bob', 5000);
  v.issue('tok_short_xxxxxxxxxxxxxxxxx', 'carol', 1500);
  for (const t of ['tok_old_xxxxxxxxxxxxxxxxxxx', 'tok_new_xxxxxxxxxxxxxxxxxxx', 'tok_bob_xxxxxxxxxxxxxxxxxxx', 'tok_short_xxxxxxxxxxxxxxxxx']) v.ledger.observe(Buffer.from(t), 1_000_000, 'POST /x');
  v.revoke('tok_old_xxxxxxxxxxxxxxxxxxx');
  v.revoke('tok_bob_xxxxxxxxxxxxxxxxxxx');
  v.advance(600);
  expect(Object.fromEntries(v.ledger.list().map((t) => [t.prefix, t.state]))).toEqual({
    'tok_old_…': 'rotated',
    'tok_new_…': 'active',
    'tok_bob_…': 'revoked',
    'tok_shor…': 'expired',
  });
  v.ledger.clear();
  expect(v.ledger.list()).toEqual([]);
});
