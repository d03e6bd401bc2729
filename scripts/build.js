#!/usr/bin/env node
'use strict';
/**
 * Builds dist/: what `npm start`, the command line and the package run.
 *
 *   node scripts/build.js              JavaScript (esbuild, well under a second) and type declarations (tsc)
 *   node scripts/build.js --js         JavaScript only (what running needs)
 *   node scripts/build.js --if-stale   skip each part that is already newer than every source
 *   node scripts/build.js --bench      also bench/*.ts (npm run bench)
 *
 * The JavaScript keeps one output file per source file (dist/plugin/index.js, dist/core/...), as
 * tsc would write it, with one difference: a dependency that ships only as an ES module (lowdb 7,
 * and steno behind it) is bundled into a CommonJS copy under dist/vendor/ and required from there.
 * Node 20.19 can require() an ES module, but jest's module loader and older tools cannot, so a
 * consumer's test runner would stop at `require('lowdb')`. With the copy, nothing ESM-only is ever
 * required at run time, whatever loads the package. Type checking is `npm run typecheck`'s job.
 *
 * Two exceptions to one file per source: the server's entry point (`npm start`, `node
 * dist/plugin/server.js`) is one bundle of plugin/server.ts and the project's own modules it
 * imports, dist/plugin/server.bundle.js, and so is the command line's, dist/plugin/cli-main.bundle.js
 * (every `npx wp-token-emulator ...` start; what only `serve` needs is still loaded only then);
 * packages stay require()s. Loading ~170 files took ~55 ms of a ~190 ms cold start (resolving,
 * reading and compiling each); one file takes ~15 ms (docs/performance.md). dist/plugin/server.js and
 * cli-main.js are stubs written here that load their bundle with V8's code cache
 * (plugin/code-cache.ts), so a start does not compile the same bundle again. The package's exports
 * (dist/plugin/index.js, the matchers) stay one file per source, and nothing imports plugin/server.ts
 * or plugin/cli-main.ts (it would get a second copy of every class).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const SOURCE_DIRS = ['core', 'plugin', 'wp-json'];
/** Files whose change makes dist/ stale besides the sources. */
const CONFIG_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.js'];
const STAMPS = { js: path.join(DIST, '.stamp-js'), types: path.join(DIST, '.stamp-types') };
/** Outputs that must exist for a part to count as built. */
const KEY_OUTPUTS = {
  js: ['plugin/index.js', 'plugin/server.js', 'plugin/server.bundle.js', 'plugin/cli-main.js', 'plugin/cli-main.bundle.js', 'plugin/code-cache.js'],
  types: ['plugin/index.d.ts'],
};

/** Every source file (and directory, so a deleted file counts as a change) under `dirs`. */
function walk(dirs, visit) {
  for (const dir of dirs) {
    const full = path.join(ROOT, dir);
    let entries;
    try {
      entries = fs.readdirSync(full, { withFileTypes: true });
    } catch {
      continue;
    }
    visit(full, true);
    for (const entry of entries) {
      const rel = path.join(dir, entry.name);
      // Installed packages are never sources (npm run bench installs its peers in bench/peers/node_modules).
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk([rel], visit);
      }
      else visit(path.join(ROOT, rel), false);
    }
  }
}

function sourceFiles(dirs = SOURCE_DIRS) {
  const files = [];
  walk(dirs, (file, isDir) => {
    if (!isDir && file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts')) files.push(file);
  });
  return files;
}

/** Newest modification time (ms) among the sources, their directories and the build's config files. */
function newestInput() {
  let newest = 0;
  const see = (file) => {
    try {
      newest = Math.max(newest, fs.statSync(file).mtimeMs);
    } catch {
      // gone between listing and stat: the directory's time covers it
    }
  };
  // Test files beside the sources (core/secrets.test.ts) are never built: editing one leaves dist/ current.
  walk(SOURCE_DIRS, (file, isDir) => {
    if (isDir || !file.endsWith('.test.ts')) see(file);
  });
  for (const file of CONFIG_FILES) see(path.join(ROOT, file));
  return newest;
}

/** Whether a part ('js' or 'types') must be built: an output missing, or a source newer than the last build. */
function isStale(part, newest = newestInput()) {
  if (KEY_OUTPUTS[part].some((file) => !fs.existsSync(path.join(DIST, file)))) return true;
  try {
    return fs.statSync(STAMPS[part]).mtimeMs < newest;
  } catch {
    return true;
  }
}

/** Marks a part built as of `startedMs`, so an edit made while it ran still counts as newer. */
function stamp(part, startedMs) {
  fs.mkdirSync(DIST, { recursive: true });
  fs.writeFileSync(STAMPS[part], `${new Date(startedMs).toISOString()}\n`);
  const at = new Date(startedMs);
  fs.utimesSync(STAMPS[part], at, at);
}

/** The package directory of a bare import (`lowdb`, `@scope/x/sub`), or null for a built-in. */
function packageDir(specifier) {
  if (specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const dir = path.join(ROOT, 'node_modules', name);
  return fs.existsSync(path.join(dir, 'package.json')) ? dir : null;
}

/** True for a package that offers no CommonJS entry (type "module", no "require" condition). */
function isEsmOnly(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.type !== 'module') return false;
  return !JSON.stringify(pkg.exports ?? {}).includes('"require"');
}

function vendorFile(specifier) {
  return path.join(DIST, 'vendor', `${specifier.replace(/^@/, '').replace(/\//g, '__')}.js`);
}

/** The bundled package's name, version and licence text, at the top of its copy. */
function vendorNotice(specifier) {
  const dir = packageDir(specifier);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licenceFile = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  const licence = licenceFile ? fs.readFileSync(path.join(dir, licenceFile), 'utf8').trim().replace(/\*\//g, '* /') : `License: ${pkg.license}`;
  return `/*\n * ${pkg.name} ${pkg.version}, bundled as CommonJS by scripts/build.js (it ships only as an ES module).\n *\n${licence.split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */`;
}

/**
 * Where a bare import (a package) goes: a require() of the package, or for an ESM-only package a
 * require() of its CommonJS copy in dist/vendor/, relative to the output file `outFile`.
 */
function packageImport(spec, outFile, vendored, esmOnly) {
  const dir = packageDir(spec);
  if (dir === null) return { path: spec, external: true };
  if (!esmOnly.has(dir)) esmOnly.set(dir, isEsmOnly(dir));
  if (!esmOnly.get(dir)) return { path: spec, external: true };
  vendored.add(spec);
  let rel = path.relative(path.dirname(outFile), vendorFile(spec)).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return { path: rel, external: true };
}

/** esbuild plugin: every import stays a require() of its own file, except ESM-only packages, which go to dist/vendor/. */
function perFilePlugin(vendored) {
  const esmOnly = new Map();
  return {
    name: 'per-file',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const spec = args.path;
        if (spec.startsWith('.') || path.isAbsolute(spec)) return { path: spec, external: true };
        return packageImport(spec, path.join(DIST, path.relative(ROOT, args.importer)), vendored, esmOnly);
      });
    },
  };
}

/**
 * The entry points run as processes, each bundled with the project's own modules (see the top of
 * this file): the server (`npm start`) and the command line (`bin/wp-token-emulator.js`). Both
 * bundles are in dist/plugin/ beside the stub that loads them, which has the name the per-file build
 * would have given the entry point.
 */
const SERVER_ENTRY = path.join(ROOT, 'plugin', 'server.ts');
const SERVER_OUT = path.join(DIST, 'plugin', 'server.bundle.js');
const CLI_ENTRY = path.join(ROOT, 'plugin', 'cli-main.ts');
const CLI_OUT = path.join(DIST, 'plugin', 'cli-main.bundle.js');
const BUNDLED = [
  [SERVER_ENTRY, SERVER_OUT],
  [CLI_ENTRY, CLI_OUT],
];

/**
 * The stub at an entry point's usual place: loads the bundle through plugin/code-cache.ts. The
 * server's runs it when it is the process's main module (`node dist/plugin/server.js`), not when
 * required (scripts/start.js); the command line's bundle starts by itself.
 */
function entryStub(bundle) {
  const name = path.basename(bundle);
  const runsMain = bundle === SERVER_OUT ? '\nif (require.main === module) bundle.main();' : '';
  return `'use strict';
// Written by scripts/build.js: loads ${name} (this entry point's code, one bundle) with V8's code cache.
const bundle = require('./code-cache.js').loadBundle(require('node:path').join(__dirname, '${name}'), module);${runsMain}
`;
}

/** esbuild plugin for the server's bundle: the project's own modules go in; packages stay require()s, as above. */
function ownModulesPlugin(vendored) {
  const esmOnly = new Map();
  return {
    name: 'own-modules',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (path.isAbsolute(args.path) ? undefined : packageImport(args.path, SERVER_OUT, vendored, esmOnly)));
    },
  };
}

/** The JavaScript: one CommonJS file per source file, the server's bundle, and the vendored ESM-only packages. */
async function buildJs({ bench = false } = {}) {
  const started = Date.now();
  const esbuild = require('esbuild');
  const vendored = new Set();
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
  const tsconfig = path.join(ROOT, 'tsconfig.build.json');
  await esbuild.build({
    ...common,
    entryPoints: sourceFiles(bench ? [...SOURCE_DIRS, 'bench'] : SOURCE_DIRS).filter((file) => !BUNDLED.some(([entry]) => entry === file)),
    outdir: DIST,
    outbase: ROOT,
    sourcemap: true,
    tsconfig,
    plugins: [perFilePlugin(vendored)],
  });
  for (const [entry, outfile] of BUNDLED) {
    await esbuild.build({
      ...common,
      entryPoints: [entry],
      outfile,
      sourcemap: true,
      tsconfig,
      plugins: [ownModulesPlugin(vendored)],
    });
    // The last build's code cache (V8 would reject it anyway), and any temporary file of one a killed process left.
    const dir = path.dirname(outfile);
    for (const file of fs.readdirSync(dir)) if (file.startsWith(`${path.basename(outfile)}.v8-cache`)) fs.rmSync(path.join(dir, file), { force: true });
    const stub = outfile.replace(/\.bundle\.js$/, '.js');
    fs.writeFileSync(stub, entryStub(outfile));
    fs.rmSync(`${stub}.map`, { force: true }); // a map from before the stubs: the bundle has its own
  }
  for (const spec of vendored) {
    await esbuild.build({
      ...common,
      stdin: { contents: `export * from ${JSON.stringify(spec)};`, resolveDir: ROOT, loader: 'js' },
      outfile: vendorFile(spec),
      banner: { js: vendorNotice(spec) },
      legalComments: 'inline',
    });
  }
  stamp('js', started);
}

/** The type declarations (dist/**\/*.d.ts) for the package's users, from tsc. */
function buildTypes() {
  const started = Date.now();
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const { spawnSync } = require('node:child_process');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--emitDeclarationOnly'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tsc could not write the type declarations:\n${result.stdout}${result.stderr}`);
  stamp('types', started);
}

/** Builds what is stale (or everything): `parts` among 'js', 'types'. Returns the parts built. */
async function build({ parts = ['js', 'types'], ifStale = false, bench = false } = {}) {
  const newest = ifStale ? newestInput() : 0;
  const built = [];
  if (parts.includes('js') && (bench || !ifStale || isStale('js', newest))) {
    await buildJs({ bench });
    built.push('js');
  }
  if (parts.includes('types') && (!ifStale || isStale('types', newest))) {
    buildTypes();
    built.push('types');
  }
  return built;
}

module.exports = { build, buildJs, buildTypes, isStale, newestInput, sourceFiles, isEsmOnly, packageDir };

if (require.main === module) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !['--js', '--if-stale', '--bench'].includes(a));
  if (unknown.length) {
    process.stderr.write(`build: unknown option ${unknown[0]} (options: --js, --if-stale, --bench)\n`);
    process.exit(2);
  }
  build({ parts: args.includes('--js') ? ['js'] : ['js', 'types'], ifStale: args.includes('--if-stale'), bench: args.includes('--bench') }).catch((e) => {
    process.stderr.write(`build: ${e.message}\n`);
    process.exit(1);
  });
}
