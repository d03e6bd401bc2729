#!/usr/bin/env node
'use strict';
/**
 * Makes package-lock.json list every platform-specific optional package (swc's and jest's native
 * bindings for macOS, Windows, other CPUs...), so `npm ci` accepts it everywhere.
 *
 * Why: where the package registry serves only some platforms' binaries (as the mirror on this
 * project's machines does), `npm install` silently leaves the others out of the lock, and
 * `npm ci` then refuses the lock as "not in sync" ("Missing: @swc/core-darwin-arm64 from lock
 * file"). Each added entry carries its os/cpu/libc, so npm ci skips it on other platforms, as it
 * does for a complete lock. Run it after any `npm install` that changes dependencies:
 *
 *   node scripts/lock-all-platforms.js
 *
 * tests/lockfile.test.ts fails when an entry is missing.
 */
const fs = require('node:fs');
const path = require('node:path');

const OSES = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPUS = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'loong64', 'riscv64', 'mips64el'];

/** os, cpu and libc read from a platform package's name (`@swc/core-linux-arm64-musl`). */
function platformOf(name) {
  const base = name.split('/').pop();
  const os = OSES.find((o) => base.split('-').includes(o));
  const afterOs = os ? base.slice(base.indexOf(`-${os}-`) + os.length + 2) : base;
  const cpu = CPUS.find((c) => afterOs.split('-').includes(c) || afterOs.startsWith(`${c}-`) || afterOs === c);
  const libc = /musl/.test(afterOs) ? 'musl' : /gnu/.test(afterOs) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

/** Lock paths of optional dependencies that have no entry of their own, with what to write. */
function missingEntries(lock) {
  const packages = lock.packages ?? {};
  const missing = new Map();
  for (const [where, meta] of Object.entries(packages)) {
    for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
      const nested = `${where ? `${where}/` : ''}node_modules/${dep}`;
      const hoisted = `node_modules/${dep}`;
      if (packages[nested] || packages[hoisted] || missing.has(hoisted)) continue;
      const { os, cpu, libc } = platformOf(dep);
      const entry = { version, ...(meta.dev ? { dev: true } : {}), optional: true };
      if (os) entry.os = [os];
      if (cpu) entry.cpu = [cpu];
      if (libc) entry.libc = [libc];
      missing.set(hoisted, entry);
    }
  }
  return missing;
}

module.exports = { missingEntries, platformOf };

if (require.main === module) {
  const file = path.join(__dirname, '..', 'package-lock.json');
  const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
  const missing = missingEntries(lock);
  for (const [where, entry] of missing) lock.packages[where] = entry;
  const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  lock.packages = sorted;
  fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
  process.stdout.write(`package-lock.json: ${missing.size} platform entr${missing.size === 1 ? 'y' : 'ies'} added\n`);
}
