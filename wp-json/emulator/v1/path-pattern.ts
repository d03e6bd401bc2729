import { budgetedRegExp, compileGlob, GlobError, MAX_GLOB_LENGTH, type PathMatcher } from '../../../core/glob';

/**
 * The path patterns of faults and journal filters. Glob compilation is its own function
 * (globToRegExp) so the matcher can be swapped without touching its callers.
 */

/** A path pattern is invalid; `param` names the field. */
export class PathPatternError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'PathPatternError';
  }
}

/** A glob (`*`, `**`, `?`) as a non-backtracking, case-insensitive matcher of the whole path (core/glob.ts). */
export function globToRegExp(glob: string, param = 'path'): PathMatcher {
  try {
    return compileGlob(glob);
  } catch (e) {
    if (e instanceof GlobError) throw new PathPatternError(param, e.message);
    throw e;
  }
}

/**
 * A path pattern: a glob string, a RegExp (in process), or a regex source, which an admin may make
 * as slow as they like, so each match runs under a time budget (core/glob.ts budgetedRegExp).
 * Throws PathPatternError on an invalid regex or glob.
 */
export function compilePathPattern(pattern: { path?: string | RegExp; pathRegex?: string }): PathMatcher | null {
  if (pattern.path instanceof RegExp) return pattern.path;
  if (typeof pattern.pathRegex === 'string') {
    // As long as a glob may be: V8 parses the expression when it is made, and a megabyte of '-.'
    // held the event loop ~400 ms before any match (tests/reliability/adversarial.test.ts).
    if (pattern.pathRegex.length > MAX_GLOB_LENGTH) {
      throw new PathPatternError('pathRegex', `A pathRegex is at most ${MAX_GLOB_LENGTH} characters (this one has ${pattern.pathRegex.length}).`);
    }
    try {
      return budgetedRegExp(pattern.pathRegex, 'i');
    } catch (e) {
      throw new PathPatternError('pathRegex', `pathRegex is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  if (typeof pattern.path === 'string') return globToRegExp(pattern.path);
  return null;
}
