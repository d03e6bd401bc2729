import type { IParseOptions } from 'qs';
import { bytesToText, textToBytes } from './php-bytes';

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

/** PHP's urldecode(): '+' is a space, `%XX` (two hex digits) a byte, any other '%' itself; the bytes read as UTF-8. */
export function phpUrlDecode(text: string): string {
  const hasPercent = text.includes('%');
  if (!hasPercent) return text.includes('+') ? text.replaceAll('+', ' ') : text;
  // The text's bytes (a form body's bytes that were not UTF-8 as themselves: core/php-bytes.ts).
  const bytes = textToBytes(text);
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  const hex = (b: number) => (b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x61 && b <= 0x66 ? b - 0x57 : b >= 0x41 && b <= 0x46 ? b - 0x37 : -1);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x2b) out[n++] = 0x20;
    else if (b === 0x25 && i + 2 < bytes.length && hex(bytes[i + 1]!) !== -1 && hex(bytes[i + 2]!) !== -1) {
      out[n++] = hex(bytes[i + 1]!) * 16 + hex(bytes[i + 2]!);
      i += 2;
    } else out[n++] = b;
  }
  // As PHP keeps them: bytes that are not UTF-8 stay distinguishable (sanitize_text_field refuses them).
  return bytesToText(out.subarray(0, n));
}

/** A PHP array while it is built: keys in insertion order (canonical integers as their decimal text) and the next free index. */
class PhpArray {
  readonly entries = new Map<string, unknown>();
  private next = 0;

  private static key(key: string): { key: string; int: number | null } {
    if (/^(0|-?[1-9][0-9]{0,17})$/.test(key)) return { key, int: Number(key) };
    return { key, int: null };
  }

  get(key: string): unknown {
    return this.entries.get(PhpArray.key(key).key);
  }

  delete(key: string): void {
    this.entries.delete(PhpArray.key(key).key);
  }

  set(key: string | null, value: unknown): void {
    if (key === null) {
      this.entries.set(String(this.next), value);
      this.next += 1;
      return;
    }
    const { key: k, int } = PhpArray.key(key);
    this.entries.set(k, value);
    if (int !== null && int >= this.next) this.next = int + 1;
  }

  /** What the REST layer gets: a list when the keys are 0, 1, ... in order (PHP's array_is_list), an object otherwise. */
  toValue(): unknown {
    let i = 0;
    let list = true;
    for (const key of this.entries.keys()) if (key !== String(i++)) list = false;
    const convert = (v: unknown) => (v instanceof PhpArray ? v.toValue() : v);
    if (list) return [...this.entries.values()].map(convert);
    const out: Record<string, unknown> = {};
    for (const [key, v] of this.entries) Object.defineProperty(out, key, { value: convert(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
}

/** PHP's max_input_nesting_level and max_input_vars (their defaults). */
const MAX_NESTING = 64;
const MAX_VARS = 1000;

/** php_register_variable_ex(): one decoded `name=value` into `root`, as PHP reads the name's brackets. */
function registerVariable(root: PhpArray, rawName: string, value: string): void {
  let name = rawName.replace(/^ +/, '');
  const nul = name.indexOf('\0');
  if (nul !== -1) name = name.slice(0, nul); // a C string
  let base = '';
  let at = 0;
  for (; at < name.length && name[at] !== '['; at++) base += name[at] === ' ' || name[at] === '.' ? '_' : name[at];
  if (base === '') return;
  if (at === name.length) return root.set(base, value);
  let table = root;
  let index: string | null = base;
  let open = at; // the '[' of the next index
  for (let level = 1; ; level++) {
    if (level > MAX_NESTING) return root.delete(base); // PHP drops the variable, and whatever else it had under its name
    let ip = open + 1;
    const start = ip;
    if (name[ip] === ' ') ip++;
    let next: string | null;
    if (name[ip] === ']') next = null;
    else {
      const close = name.indexOf(']', ip);
      if (close === -1) {
        // Not an index. At the top level the '[' becomes '_' and so do ' ', '.' and '[' after it;
        // deeper, the key stays the previous index (its ']' ended it).
        if (level === 1) return root.set(base + '_' + name.slice(start).replace(/[ .[]/g, '_'), value);
        return table.set(index, value);
      }
      next = name.slice(start, close);
      ip = close;
    }
    // The element at `index` becomes an array (a new one, or the one there; anything else is replaced).
    let child: PhpArray;
    const existing = index === null ? undefined : table.get(index);
    if (existing instanceof PhpArray) child = existing;
    else {
      child = new PhpArray();
      table.set(index, child);
    }
    table = child;
    index = next;
    if (name[ip + 1] === '[') open = ip + 1;
    else return table.set(index, value); // anything after the ']' that is not a '[' is ignored
  }
}

/**
 * A query string or form body as PHP fills $_GET / $_POST from it (php_default_treat_data and
 * php_register_variable_ex): pairs split at '&', names and values URL-decoded, the last of a name
 * wins, `.` and ' ' in a name's base become '_', brackets make arrays (`a[]` appends), an unclosed
 * '[' is part of the name, at most 64 levels and 1,000 variables.
 */
export function parsePhpQuery(text: string): Record<string, unknown> {
  const root = new PhpArray();
  let count = 0;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    if (++count > MAX_VARS) break;
    const eq = pair.indexOf('=');
    registerVariable(root, phpUrlDecode(eq === -1 ? pair : pair.slice(0, eq)), eq === -1 ? '' : phpUrlDecode(pair.slice(eq + 1)));
  }
  const value = root.toValue();
  return Array.isArray(value) ? Object.fromEntries(value.map((v, i) => [String(i), v])) : (value as Record<string, unknown>);
}
