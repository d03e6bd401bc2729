import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError, parseArgs, type CliIO } from '../core/cli';
import { registerStandaloneCommand } from './cli';

/**
 * `wp-token-emulator scaffold namespace <vendor>/<version>` (WP-CLI's `scaffold` word): copies
 * examples/namespace-template/ to wp-json/<vendor>/<version>/ with the names filled in, and lists the
 * new module in wp-json/index.ts (the list). Run it in the project's root.
 */

export const TEMPLATE_DIR = path.join('examples', 'namespace-template');
const LIST_FILE = path.join('wp-json', 'index.ts');

/** The names a namespace is known by, from `acme/v1` (or `acme-labs/v2`). */
export interface NamespaceNames {
  /** `acme/v1` */
  namespace: string;
  /** Module id, CLI group, fixtures section, store prefix: `acme` (`acme-labs-v2` for versions other than v1). */
  id: string;
  /** The module's export: `acmeV1`. */
  exportName: string;
  /** Identifiers inside the module: `acme` / `Acme`. */
  camel: string;
  pascal: string;
  /** Settings prefix: `ACME`. */
  upper: string;
  /** For people: `Acme`. */
  title: string;
}

const words = (slug: string) => slug.split('-').filter(Boolean);
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const camelOf = (slug: string) => words(slug).map((w, i) => (i === 0 ? w : cap(w))).join('');

export function namespaceNames(spec: string): NamespaceNames {
  const m = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\/(v[0-9]+)$/.exec(spec);
  if (!m) throw new CliError(`"${spec}" is not <vendor>/<version>: lower-case letters, digits and dashes, then /v and a number (acme/v1).`);
  const [, vendor, version] = m as unknown as [string, string, string];
  const id = version === 'v1' ? vendor : `${vendor}-${version}`;
  return {
    namespace: `${vendor}/${version}`,
    id,
    exportName: camelOf(`${vendor}-${version}`),
    camel: camelOf(id),
    pascal: cap(camelOf(id)),
    upper: words(id).join('_').toUpperCase(),
    title: words(id).map(cap).join(' '),
  };
}

/** The template's text with the new names (longest placeholders first) and its imports one folder deeper. */
export function fillTemplate(text: string, names: NamespaceNames): string {
  return text
    .replaceAll('sample-vendor/v1', names.namespace)
    .replaceAll('sampleVendorV1', names.exportName)
    .replaceAll('SampleVendor', names.pascal)
    .replaceAll('sampleVendor', names.camel)
    .replaceAll('SAMPLE_VENDOR', names.upper)
    .replaceAll('Sample Vendor', names.title)
    .replaceAll('sample-vendor', names.id)
    .replace(/(['"(])\.\.\/\.\.\//g, '$1../../../');
}

/** wp-json/index.ts with the module imported and in the list (before the test-control namespace, which stays last). */
export function addToList(source: string, names: NamespaceNames): string {
  const importLine = `import { ${names.exportName} } from './${names.namespace}';`;
  if (source.includes(importLine)) throw new CliError(`${names.namespace} is already listed in ${LIST_FILE}.`);
  const lines = source.split('\n');
  let lastImport = -1;
  lines.forEach((line, i) => {
    if (line.startsWith('import ')) lastImport = i;
  });
  lines.splice(lastImport + 1, 0, importLine);
  const withImport = lines.join('\n');
  const list = /(export const allNamespaces[^=]*=\s*\[)([^\]]*)(\])/.exec(withImport);
  if (!list) throw new CliError(`Cannot find the allNamespaces list in ${LIST_FILE}: add ${names.exportName} to it by hand.`);
  const entries = list[2]!.split(',').map((e) => e.trim()).filter(Boolean);
  const at = entries.indexOf('emulator');
  entries.splice(at === -1 ? entries.length : at, 0, names.exportName);
  return withImport.slice(0, list.index) + list[1] + entries.join(', ') + list[3] + withImport.slice(list.index + list[0].length);
}

/** Creates wp-json/<vendor>/<version>/ from the template in `root` and lists it; returns the files written (relative to root). */
export function scaffoldNamespace(root: string, spec: string): string[] {
  const names = namespaceNames(spec);
  const template = path.join(root, TEMPLATE_DIR);
  const listFile = path.join(root, LIST_FILE);
  if (!fs.existsSync(template) || !fs.existsSync(listFile)) throw new CliError(`Run this in the project's root: ${TEMPLATE_DIR} or ${LIST_FILE} is missing in ${root}.`);
  const target = path.join(root, 'wp-json', ...names.namespace.split('/'));
  if (fs.existsSync(target)) throw new CliError(`${path.relative(root, target)} already exists.`);
  const list = addToList(fs.readFileSync(listFile, 'utf8'), names);
  const written: string[] = [];
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(template, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = fillTemplate(entry.name, names);
    fs.writeFileSync(path.join(target, name), fillTemplate(fs.readFileSync(path.join(template, entry.name), 'utf8'), names));
    written.push(path.relative(root, path.join(target, name)));
  }
  fs.writeFileSync(listFile, list);
  written.push(LIST_FILE);
  return written;
}

const USAGE = 'usage: wp-token-emulator scaffold namespace <vendor>/<version>';

registerStandaloneCommand('scaffold', {
  synopsis: 'scaffold namespace <vendor>/<version>',
  description: 'Create a namespace from examples/namespace-template and list it (run in the project root).',
  async run(argv: string[], io: CliIO) {
    const args = parseArgs(argv);
    const [what, spec, ...extra] = args.positional;
    if (what !== 'namespace' || spec === undefined || extra.length > 0 || Object.keys(args.options).length > 0) throw new CliError(USAGE);
    const written = scaffoldNamespace(process.cwd(), spec);
    const names = namespaceNames(spec);
    for (const file of written) io.out(file === LIST_FILE ? `Listed ${names.exportName} in ${file}` : `Created ${file}`);
    io.out(`Success: Scaffolded ${names.namespace}. Check it: npx tsc --noEmit -p tsconfig.json && npx jest wp-json/${names.namespace}`);
    return 0;
  },
});
