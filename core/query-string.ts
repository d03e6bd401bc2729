import type { IParseOptions } from 'qs';

type Qs = typeof import('qs');
let qs: Qs | null = null;

/**
 * qs.parse() (how Express's 'extended' query parser and PHP read `a[b]=c`), with qs loaded on first
 * use: a command line start (~90 per `npm test`) or a server that is never sent a query string or a
 * form body does not load qs and the ~50 small modules it requires (~15 ms of CPU per start).
 */
export function parseQuery(text: string, options: IParseOptions): ReturnType<Qs['parse']> {
  qs ??= require('qs') as Qs;
  return qs.parse(text, options);
}
