import * as vm from 'node:vm';

/**
 * Path patterns that cannot stall the server. A glob compiled to a regular expression backtracks:
 * `/x/**a**a**a**a**a**a**a**a**c` against `/x/` + 200 `a`s took minutes (issue 21). Here a glob
 * is matched by walking all its positions at once (a Thompson-style simulation): each character of
 * the text moves a set of live positions forward, so the work is at most text length × glob length,
 * with no backtracking, whatever the input.
 */

/** What fault and journal filters need of a path pattern. A RegExp is one too. */
export interface PathMatcher {
  test(text: string): boolean;
}

/** Longest glob accepted: keeps text length × glob length small (a request line is at most 16 KB). */
export const MAX_GLOB_LENGTH = 2048;

export class GlobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GlobError';
  }
}

const LITERAL = 0;
const ONE = 1; // ?   one character but '/'
const STAR = 2; // *  any characters but '/'
const GLOBSTAR = 3; // ** any characters (but line terminators, as `.*` did)

/**
 * The case folding of a non-Unicode `/i` regular expression (ECMAScript's Canonicalize): the
 * character's upper case when that is one character, unless that would map a non-ASCII character
 * to ASCII. So globs give what they gave as `new RegExp(..., 'i')`.
 */
function canonical(unit: number): number {
  if (unit < 0x80) return unit >= 0x61 && unit <= 0x7a ? unit - 0x20 : unit;
  const upper = String.fromCharCode(unit).toUpperCase();
  if (upper.length !== 1) return unit;
  const mapped = upper.charCodeAt(0);
  return mapped < 0x80 ? unit : mapped;
}

function isLineTerminator(unit: number): boolean {
  return unit === 0x0a || unit === 0x0d || unit === 0x2028 || unit === 0x2029;
}

/**
 * A glob as a matcher of whole strings, case-insensitive: `*` any characters but `/`, `**` any
 * characters, `?` one character but `/`, everything else itself. Throws GlobError for a glob longer
 * than MAX_GLOB_LENGTH.
 */
export function compileGlob(glob: string): PathMatcher {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`A glob is at most ${MAX_GLOB_LENGTH} characters (this one has ${glob.length}).`);
  const kinds: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charCodeAt(i);
    let kind = LITERAL;
    if (c === 0x2a) {
      kind = glob.charCodeAt(i + 1) === 0x2a ? GLOBSTAR : STAR;
      if (kind === GLOBSTAR) i++;
      // `****` is `**` once: two of the same star in a row match what one does. (A `*` next to a `**` is
      // kept: `*` also crosses line terminators, which `**` did not as `.*`.)
      if (kinds[kinds.length - 1] === kind) continue;
    } else if (c === 0x3f) kind = ONE;
    kinds.push(kind);
    units.push(kind === LITERAL ? canonical(c) : 0);
  }
  const size = kinds.length;
  return {
    test(text: string): boolean {
      // live[p]: the first p glob elements can match the text read so far. `list` holds the live positions.
      let live = new Uint8Array(size + 1);
      let next = new Uint8Array(size + 1);
      let list: number[] = [];
      let nextList: number[] = [];
      const add = (set: Uint8Array, into: number[], position: number): void => {
        // A star may match nothing: the position after it is live too.
        for (let p = position; p <= size && set[p] === 0; p++) {
          set[p] = 1;
          into.push(p);
          if (p === size || (kinds[p] !== STAR && kinds[p] !== GLOBSTAR)) break;
        }
      };
      add(live, list, 0);
      for (let i = 0; i < text.length; i++) {
        const raw = text.charCodeAt(i);
        const unit = canonical(raw);
        for (const p of list) {
          if (p === size) continue;
          const kind = kinds[p]!;
          if (kind === LITERAL) {
            if (units[p] === unit) add(next, nextList, p + 1);
          } else if (kind === ONE) {
            if (raw !== 0x2f) add(next, nextList, p + 1);
          } else if (kind === STAR) {
            if (raw !== 0x2f) add(next, nextList, p);
          } else if (!isLineTerminator(raw)) add(next, nextList, p);
        }
        for (const p of list) live[p] = 0;
        [live, next] = [next, live];
        [list, nextList] = [nextList, list];
        nextList.length = 0;
        if (list.length === 0) return false;
      }
      return live[size] === 1;
    },
  };
}

/** How long one match of a user's regular expression may run before it counts as no match. */
export const REGEX_BUDGET_MS = 50;

/**
 * A regular expression given as text (a fault's `pathRegex`), matched with a time budget. Any
 * regular expression can backtrack for minutes on the right input, and JavaScript offers no linear
 * engine with the same syntax; so each match runs in a V8 context with a timeout, which interrupts
 * a runaway match: it then counts as no match. Throws SyntaxError for an invalid expression.
 */
export function budgetedRegExp(source: string, flags: string, budgetMs = REGEX_BUDGET_MS): PathMatcher & { readonly source: string; timeouts: number } {
  const regex = new RegExp(source, flags);
  const sandbox = vm.createContext({ regex, text: '' });
  const script = new vm.Script('regex.lastIndex = 0; regex.test(text)');
  return {
    source: regex.source,
    timeouts: 0,
    test(text: string): boolean {
      sandbox.text = text;
      try {
        return script.runInContext(sandbox, { timeout: budgetMs }) === true;
      } catch {
        this.timeouts++;
        return false;
      } finally {
        sandbox.text = '';
      }
    },
  };
}
