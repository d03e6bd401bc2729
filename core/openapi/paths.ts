/** A route's path parameter: its name and the pattern of its group. */
export interface PathParameter {
  name: string;
  pattern: string;
}

/** The end of a parenthesised group starting at `open` (nested groups and escapes counted). */
function groupEnd(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return pattern.length - 1;
}

/**
 * A WordPress route pattern (`/fess/v1/setting/(?P<id>[^/]+)`) as an OpenAPI path template
 * (`/fess/v1/setting/{id}`) with each named group's pattern.
 */
export function pathTemplate(pattern: string): { template: string; parameters: PathParameter[] } {
  let template = '';
  const parameters: PathParameter[] = [];
  let i = 0;
  while (i < pattern.length) {
    const named = /^\(\?P?<(\w+)>/.exec(pattern.slice(i));
    if (named) {
      const end = groupEnd(pattern, i);
      parameters.push({ name: named[1], pattern: `^${pattern.slice(i + named[0].length, end)}$` });
      template += `{${named[1]}}`;
      i = end + 1;
      continue;
    }
    template += pattern[i] === '\\' ? pattern[++i] : pattern[i];
    i++;
  }
  return { template, parameters };
}
