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

/** A glob (`*`, `**`, `?`) as an anchored, case-insensitive regular expression. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        source += '.*';
        i++;
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/** A path pattern: a glob string, a RegExp, or a regex source. Throws PathPatternError on an invalid regex. */
export function compilePathPattern(pattern: { path?: string | RegExp; pathRegex?: string }): RegExp | null {
  if (pattern.path instanceof RegExp) return pattern.path;
  if (typeof pattern.pathRegex === 'string') {
    try {
      return new RegExp(pattern.pathRegex, 'i');
    } catch (e) {
      throw new PathPatternError('pathRegex', `pathRegex is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  if (typeof pattern.path === 'string') return globToRegExp(pattern.path);
  return null;
}

