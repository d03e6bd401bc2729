import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { missingEntries, platformOf } = require('../scripts/lock-all-platforms.js') as {
  missingEntries(lock: unknown): Map<string, unknown>;
  platformOf(name: string): { os?: string; cpu?: string; libc?: string };
};

describe('package-lock.json', () => {
  it('lists every platform-specific optional package, so npm ci accepts it (run node scripts/lock-all-platforms.js after npm install)', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package-lock.json'), 'utf8'));
    expect([...missingEntries(lock).keys()]).toEqual([]);
  });

  it('reads os, cpu and libc from platform package names', () => {
    expect(platformOf('@swc/core-darwin-arm64')).toEqual({ os: 'darwin', cpu: 'arm64', libc: undefined });
    expect(platformOf('@swc/core-linux-arm-gnueabihf')).toEqual({ os: 'linux', cpu: 'arm', libc: 'glibc' });
    expect(platformOf('@unrs/resolver-binding-linux-x64-musl')).toEqual({ os: 'linux', cpu: 'x64', libc: 'musl' });
    expect(platformOf('@swc/core-win32-ia32-msvc')).toEqual({ os: 'win32', cpu: 'ia32', libc: undefined });
  });
});
