/**
 * A user's slug (user_nicename) from what was sent: lower case, every run of characters other than
 * a-z, 0-9, `_` and `-` made one `-`; the same as `value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')`
 * (its property test's oracle). Written as one pass into a byte buffer (the result is ASCII): the
 * regex replace made a string per run, and a 1 MB slug of `-.-.` (half a million runs) left the
 * collector ~100 ms of work in one request (tests/reliability/adversarial.test.ts).
 */
export function userSlug(value: string): string {
  const lower = value.toLowerCase();
  const out = Buffer.allocUnsafe(lower.length);
  let n = 0;
  let inRun = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d) {
      out[n++] = c;
      inRun = false;
    } else if (!inRun) {
      out[n++] = 0x2d;
      inRun = true;
    }
  }
  return out.toString('latin1', 0, n);
}
