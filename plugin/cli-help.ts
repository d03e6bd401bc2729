import * as fs from 'node:fs';
import * as path from 'node:path';
import { flag, type CliGroup, type CommandHelp, type ParsedArgs } from '../core/cli';
import { GLOBAL_PARAMETERS, GROUP_HELP, HELP, STANDALONE_SUBCOMMANDS } from './cli-help-text';

/**
 * Help pages in WP-CLI's layout (NAME, DESCRIPTION, SYNOPSIS, OPTIONS, EXAMPLES, GLOBAL PARAMETERS),
 * the version, and the confirmation destructive commands ask for, as WP-CLI's `confirm()`.
 */

export const PROGRAM = 'wp-token-emulator';

/** What help knows of a command that needs no store (plugin/cli.ts's registry). */
export interface StandaloneInfo {
  synopsis: string;
  description: string;
}

export interface HelpLeaf {
  kind: 'command';
  path: string;
  synopsis: string;
  description: string;
  help: CommandHelp | undefined;
}
export interface HelpGroup {
  kind: 'group';
  path: string;
  description: string;
  subcommands: Array<[string, string]>;
}

/** Every command, by its words: the namespaces' groups and the standalone commands. */
export function commandTree(groups: readonly CliGroup[], standalone: ReadonlyMap<string, StandaloneInfo>): { leaves: Map<string, HelpLeaf>; groups: Map<string, HelpGroup> } {
  const leaves = new Map<string, HelpLeaf>();
  const groupDescriptions = new Map<string, string>();
  for (const [name, cmd] of standalone) {
    const subs = STANDALONE_SUBCOMMANDS[name];
    if (!subs) {
      const help = HELP[name];
      leaves.set(name, { kind: 'command', path: name, synopsis: help?.synopsis ?? cmd.synopsis, description: help?.description ?? cmd.description, help });
      continue;
    }
    groupDescriptions.set(name, cmd.description);
    for (const sub of subs) {
      const p = `${name} ${sub}`;
      const help = HELP[p];
      leaves.set(p, { kind: 'command', path: p, synopsis: help?.synopsis ?? cmd.synopsis, description: help?.description ?? cmd.description, help });
    }
  }
  for (const group of groups) {
    groupDescriptions.set(group.name, group.description);
    for (const [key, cmd] of Object.entries(group.commands)) {
      const p = `${group.name} ${key}`;
      const help = cmd.help ?? HELP[p];
      leaves.set(p, { kind: 'command', path: p, synopsis: `${group.name} ${help?.synopsis ?? cmd.synopsis}`, description: help?.description ?? cmd.description, help });
    }
  }
  const tree = new Map<string, HelpGroup>();
  for (const leaf of leaves.values()) {
    const words = leaf.path.split(' ');
    for (let n = 0; n < words.length; n++) {
      const p = words.slice(0, n).join(' ');
      const node = tree.get(p) ?? { kind: 'group' as const, path: p, description: groupDescriptions.get(p) ?? GROUP_HELP[p] ?? '', subcommands: [] };
      tree.set(p, node);
      const child = words.slice(0, n + 1).join(' ');
      if (!node.subcommands.some(([name]) => name === words[n])) {
        node.subcommands.push([words[n]!, leaves.get(child)?.description ?? groupDescriptions.get(child) ?? GROUP_HELP[child] ?? '']);
      }
    }
  }
  return { leaves, groups: tree };
}

/** The page for the longest run of leading words that names a command or group; null when the first word names nothing. */
export function findHelp(tree: ReturnType<typeof commandTree>, words: readonly string[]): HelpLeaf | HelpGroup | null {
  for (let n = words.length; n >= 0; n--) {
    const p = words.slice(0, n).join(' ');
    const found = tree.leaves.get(p) ?? tree.groups.get(p);
    if (found) return n === 0 && words.length > 0 ? null : found;
  }
  return null;
}

/** Splits a synopsis into its tokens; brackets keep their spaces (`[advance <seconds> | real]`). */
export function synopsisTokens(synopsis: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of synopsis) {
    if (ch === '[' || ch === '<') depth++;
    if (ch === ']' || ch === '>') depth--;
    if (ch === ' ' && depth === 0) {
      if (current) tokens.push(current);
      current = '';
    } else current += ch;
  }
  if (current) tokens.push(current);
  return tokens;
}

/** The key an option's description is filed under: `<user>` for `[<user>...]`, `--format` for `[--format=<format>]`; null for command words. */
export function optionKey(token: string): string | null {
  let t = token;
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  t = t.replace(/\.\.\.$/, '');
  if (t.startsWith('--')) return t.split('=')[0]!;
  if (t.startsWith('<')) return t;
  return null;
}

function indent(lines: readonly string[], by: string): string[] {
  return lines.map((l) => (l === '' ? '' : by + l));
}

function globalSection(): string[] {
  return ['GLOBAL PARAMETERS', '', ...GLOBAL_PARAMETERS.flatMap(([p, d], i) => [...(i ? [''] : []), `  ${p}`, `      ${d}`])];
}

function subcommandList(subs: ReadonlyArray<[string, string]>): string[] {
  const width = Math.max(20, ...subs.map(([n]) => n.length + 2));
  return subs.map(([n, d]) => `  ${n.padEnd(width)}${d}`.trimEnd());
}

/** The help page, WP-CLI's layout. */
export function renderHelp(page: HelpLeaf | HelpGroup): string {
  const name = page.path ? `${PROGRAM} ${page.path}` : PROGRAM;
  const out: string[] = ['NAME', '', `  ${name}`, ''];
  if (page.kind === 'group') {
    const description = page.path ? page.description : 'Manage a wp-token-emulator site from the command line: its store file, or a running server.';
    if (description) out.push('DESCRIPTION', '', `  ${description}`, '');
    out.push('SYNOPSIS', '', `  ${name} <command>`, '', 'SUBCOMMANDS', '', ...subcommandList(page.subcommands), '');
    if (!page.path) out.push(...globalSection(), '', `  Run '${PROGRAM} help <command>' to get more information on a specific command.`, '');
    return out.join('\n');
  }
  out.push('DESCRIPTION', '', `  ${page.description}`, '', 'SYNOPSIS', '', `  ${PROGRAM} ${page.synopsis}`, '');
  const options = synopsisTokens(page.synopsis)
    .map((token) => [token, optionKey(token)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== null);
  if (options.length > 0) {
    out.push('OPTIONS', '');
    for (const [token, key] of options) out.push(`  ${token}`, `    ${page.help?.options[key] ?? '(no description)'}`, '');
  }
  if (page.help && page.help.examples.length > 0) out.push('EXAMPLES', '', ...indent(page.help.examples, '    '), '');
  out.push(...globalSection(), '');
  return out.join('\n');
}

/** This package's version, from the package.json above this file (source or build). */
export function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PROGRAM && pkg.version) return pkg.version;
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

/** The question a destructive command asks before it runs (WP-CLI's confirm()), or null when this call destroys nothing. */
export function confirmationFor(commandPath: string, args: ParsedArgs): string | null {
  const words = args.positional;
  switch (commandPath) {
    case 'reset':
      return 'Are you sure you want to reset the running emulator to its fixtures (store, clock, outbox and faults)?';
    case 'store reset':
      return 'Are you sure you want to move the store aside, so that the next start makes a fresh one?';
    case 'user delete':
      return words.length > 0 ? `Are you sure you want to delete ${words.length === 1 ? 'user' : 'users'} ${words.join(', ')} and their application passwords?` : null;
    case 'user application-password delete':
      return flag(args, 'all') && words[0] !== undefined ? `Are you sure you want to delete all application passwords of user ${words[0]}?` : null;
    default:
      return null;
  }
}

/** What a destructive command says, exit 1, when it was not confirmed and cannot ask (no terminal). */
export function refusal(question: string): string {
  return `${question} [y/n] Not asked: standard input is not a terminal. Pass --yes to confirm.`;
}

/** How the prompt talks to the user: injectable, so tests can play a terminal. */
export interface PromptIO {
  isTTY: boolean;
  write(text: string): void;
  readLine(): Promise<string | null>;
}

/**
 * WP-CLI's confirm(): `<question> [y/n] ` on STDOUT, then one line from STDIN; only `y` goes on.
 * Returns 'yes' (proceed), 'no' (the user declined: WP-CLI exits 0 without doing it) or 'no-tty'
 * (nobody to ask: the caller refuses with exit 1 unless --yes was passed).
 */
export async function askConfirmation(question: string, io: PromptIO): Promise<'yes' | 'no' | 'no-tty'> {
  if (!io.isTTY) return 'no-tty';
  io.write(`${question} [y/n] `);
  const answer = await io.readLine();
  return (answer ?? '').trim().toLowerCase() === 'y' ? 'yes' : 'no';
}

/** The real terminal: process.stdin/stdout. */
export function processPrompt(): PromptIO {
  return {
    isTTY: process.stdin.isTTY === true,
    write: (text) => process.stdout.write(text),
    readLine: () =>
      new Promise((resolve) => {
        let buffer = '';
        const onData = (chunk: Buffer | string) => {
          buffer += chunk.toString();
          const nl = buffer.indexOf('\n');
          if (nl !== -1) done(buffer.slice(0, nl));
        };
        const onEnd = () => done(buffer || null);
        const done = (line: string | null) => {
          process.stdin.off('data', onData).off('end', onEnd);
          process.stdin.pause();
          resolve(line);
        };
        process.stdin.on('data', onData).on('end', onEnd);
        process.stdin.resume();
      }),
  };
}
