/**
 * The command line's shared pieces, WP-CLI style: parsed arguments, output formats
 * (table, json, csv, count, ids), and the error that exits 1 with `Error: ...`.
 */
import { encodeJson } from './rest/json';
import type { SiteContext } from './namespace';
import { checkArgs, type Args } from './validation';

export interface ParsedArgs {
  /** Positional arguments after the command words. */
  positional: string[];
  /** `--name=value` and `--name value` options; `--flag` is true. */
  options: Record<string, string | true>;
}

/** Where a command writes; captured when the command runs inside a server for another process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (WP-CLI draws table borders only then). */
  isTTY: boolean;
}

/** A failure reported as `Error: <message>` with exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command's help page (WP-CLI's layout: NAME, DESCRIPTION, SYNOPSIS, OPTIONS, EXAMPLES). */
export interface CommandHelp {
  /** Overrides the command's synopsis (without the program and group words). */
  synopsis?: string;
  /** Overrides the command's one-line description. */
  description?: string;
  /** One line per argument or option of the synopsis, keyed `<arg>` or `--name`. */
  options: Record<string, string>;
  /** Lines: `# what it shows`, `$ wp-token-emulator ...`, then its output. */
  examples: string[];
}

export interface CliCommand {
  /** e.g. `create <login> <email> [--role=<role>] [--porcelain]` */
  synopsis: string;
  description: string;
  /** The help page; without one, plugin/cli-help-text.ts must have it. */
  help?: CommandHelp;
  /** Returns the exit code (default 0), or throws CliError. */
  run(args: ParsedArgs, io: CliIO, ctx: SiteContext): Promise<number | void> | number | void;
}

/** A group of commands: `wp-token-emulator <name> <sub...>`. Keys may have several words (`application-password create`). */
export interface CliGroup {
  name: string;
  description: string;
  commands: Record<string, CliCommand>;
}

/** A top-level command that needs no store of its own (it talks to a running server over HTTP, or starts one). */
export interface StandaloneCommand {
  synopsis: string;
  description: string;
  run(argv: string[], io: CliIO, env: Record<string, string | undefined>): Promise<number>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq !== -1) options[arg.slice(2, eq)] = arg.slice(eq + 1);
      else options[arg.slice(2)] = true;
    } else positional.push(arg);
  }
  return { positional, options };
}

/** A string option, or undefined; `--name` without a value is an error. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  if (value === true) throw new CliError(`Parameter --${name} needs a value: --${name}=<value>`);
  return value;
}

export function flag(args: ParsedArgs, name: string): boolean {
  const value = args.options[name];
  return value === true || value === 'true' || value === '1';
}

/** Rejects options a command does not know (WP-CLI does the same). */
export function checkOptions(args: ParsedArgs, known: readonly string[]): void {
  for (const name of Object.keys(args.options)) {
    if (!known.includes(name)) throw new CliError(`Parameter errors:\n unknown --${name} parameter`);
  }
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? wpCliJson(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: unknown): string {
  return value === null || value === undefined ? '' : typeof value === 'object' ? wpCliJson(value) : String(value);
}

const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n|~|)$/i;

/** A scalar as YAML writes it: numbers and booleans bare, strings bare unless YAML would read them otherwise. */
function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const plain = !YAML_WORDS.test(text) && !/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0[xo]|^\d{4}-\d\d-\d\d/.test(text) && !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/\s$|: | #|[\n\r\t]/.test(text);
  return plain ? text : JSON.stringify(text);
}

/** WP-CLI's JSON: PHP's json_encode() without flags, so '/' is written `\/` and every non-ASCII character `\uXXXX`, as WP-CLI prints it. */
export function wpCliJson(value: unknown): string {
  return encodeJson(value, 'php');
}

/** WP-CLI's `--format=yaml` (Spyc's layout): a `---` document, one `-` entry per item, `key: value` lines. */
export function toYaml(value: Record<string, unknown> | Record<string, unknown>[]): string {
  const mapping = (item: Record<string, unknown>, indent: string): string[] =>
    Object.entries(item).flatMap(([k, v]) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) ? [`${indent}${k}:`, ...mapping(v as Record<string, unknown>, indent + '  ')] : [`${indent}${k}: ${yamlScalar(v)}`],
    );
  if (!Array.isArray(value)) return ['---', ...mapping(value, '')].join('\n');
  return ['---', ...value.flatMap((item) => ['- ', ...mapping(item, '  ')])].join('\n');
}

/** A single answer (not a list) in `json` or `yaml`; false when the format is neither (the caller prints its own text). */
export function printValue(io: CliIO, format: string | undefined, value: Record<string, unknown>): boolean {
  if (format === 'json') io.out(wpCliJson(value));
  else if (format === 'yaml') io.out(toYaml(value));
  else return false;
  return true;
}

/**
 * WP-CLI's format_items: `table` (bordered on a terminal, tab-separated when piped, as WP-CLI),
 * `json`, `yaml`, `csv`; `count` prints the number of items, `ids` the values of `idField` separated by spaces.
 */
export function formatItems(io: CliIO, format: string, items: Record<string, unknown>[], fields: string[], idField = 'id'): void {
  switch (format) {
    case 'json':
      io.out(wpCliJson(items.map((item) => Object.fromEntries(fields.map((f) => [f, item[f] ?? null])))));
      return;
    case 'yaml':
      io.out(toYaml(items.map((item) => Object.fromEntries(fields.map((f) => [f, item[f] ?? null])))));
      return;
    case 'csv':
      io.out([fields.join(','), ...items.map((item) => fields.map((f) => csvCell(item[f])).join(','))].join('\n'));
      return;
    case 'count':
      io.out(String(items.length));
      return;
    case 'ids':
      io.out(items.map((item) => cell(item[idField])).join(' '));
      return;
    case 'table': {
      if (!io.isTTY) {
        io.out([fields.join('\t'), ...items.map((item) => fields.map((f) => cell(item[f])).join('\t'))].join('\n'));
        return;
      }
      const widths = fields.map((f) => Math.max(f.length, ...items.map((item) => cell(item[f]).length)));
      const rule = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
      const row = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
      io.out([rule, row(fields), rule, ...items.map((item) => row(fields.map((f) => cell(item[f])))), rule].join('\n'));
      return;
    }
    default:
      throw new CliError(`Invalid format: ${format}. Use table, json, yaml, csv, count or ids.`);
  }
}

/** One item's fields, WP-CLI `get` style: a Field/Value table, or json/yaml/csv of the single item. */
export function formatItem(io: CliIO, format: string, item: Record<string, unknown>, fields: string[]): void {
  if (printValue(io, format, Object.fromEntries(fields.map((f) => [f, item[f] ?? null])))) return;
  formatItems(io, format, fields.map((f) => ({ Field: f, Value: item[f] })), ['Field', 'Value']);
}

/**
 * `--fields=a,b` or `--field=a`, checked against what exists. With a `prefix` (WP-CLI's object type,
 * `user`), a field not found is also looked for with it, as WP-CLI's formatter does: `--field=login`
 * is `user_login`.
 */
export function selectFields(args: ParsedArgs, available: readonly string[], defaults: readonly string[], prefix?: string): string[] {
  const single = args.options.field;
  const list = typeof single === 'string' ? [single] : typeof args.options.fields === 'string' ? args.options.fields.split(',').map((f) => f.trim()).filter(Boolean) : [...defaults];
  return list.map((f) => {
    if (available.includes(f)) return f;
    if (prefix !== undefined && available.includes(`${prefix}_${f}`)) return `${prefix}_${f}`;
    throw new CliError(`Invalid field: ${f}. Available fields: ${available.join(', ')}.`);
  });
}

/**
 * A command's arguments checked against declared args (core/validation.ts, as a REST route's are):
 * the coerced values with defaults, or a CliError with each problem's message.
 */
export function checkedArgs(args: Args, values: Record<string, unknown>): Record<string, unknown> {
  const checked = checkArgs(args, values);
  if (checked.ok) return checked.values;
  const params = checked.error.data.params;
  throw new CliError(Array.isArray(params) || typeof params !== 'object' || params === null ? checked.error.message : Object.values(params).join(' '));
}
