import { createHash } from 'node:crypto';
import { encodeJson } from '../../../core/rest/json';
import { sanitizeTitle } from '../../../core/wordpress/formatting';

/** The modules a manual backup can leave out, in the order the plugin exports them. */
export const MODULES = ['database', 'plugins', 'media', 'themes', 'content'] as const;
export type Module = (typeof MODULES)[number];

export interface BackupParams {
  /** 1 = left out of the backup (the plugin's default for every module not sent as "no"). */
  ignore: Record<Module, 0 | 1>;
  customNameTag: string;
}

/** What the simulated site "has" (fixed numbers, so a test can assert on them). */
const SIMULATED: Record<Module, { listing: string; listed: string; bytes: number; ignored: string }> = {
  database: { listing: 'Listing database tables.', listed: 'Total 12 database tables listed.', bytes: 143_360, ignored: 'Database ignored.' },
  plugins: { listing: 'Listing plugin files', listed: 'Plugins listed. Total files: 1 [ 28.00 B ]', bytes: 28, ignored: 'Plugins ignored.' },
  media: { listing: 'Listing media files', listed: 'Media listed. Total files: 0 [ 0.00 B ]', bytes: 0, ignored: 'Media ignored.' },
  themes: { listing: 'Listing theme files', listed: 'Themes listed. Total files: 372 [ 12.35 MB ]', bytes: 12_950_000, ignored: 'Themes ignored.' },
  content: { listing: 'Listing content files', listed: 'Contents listed. Total files: 1 [ 28.00 B ]', bytes: 28, ignored: 'Contents ignored.' },
};

/** size_format() style: bytes with two decimals and the largest fitting unit. */
export function sizeFormat(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(2)} ${units[unit]}`;
}

/** PHP uniqid(): 8 hex digits of the seconds and 5 of the microseconds. */
export function uniqid(nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000);
  const micro = (nowMs % 1000) * 1000;
  return seconds.toString(16).padStart(8, '0') + micro.toString(16).padStart(5, '0');
}

/** The archive's file name as the plugin names it: ebwp-[tag-]<time>-<uniqid>.ebwp. */
export function backupFileName(params: BackupParams, nowMs: number): string {
  const tag = params.customNameTag ? sanitizeTitle(params.customNameTag) : '';
  const seconds = Math.floor(nowMs / 1000);
  return `ebwp-${tag ? `${tag}-` : ''}${seconds}-${uniqid(nowMs)}.ebwp`;
}

/** The plugin's `[h:i:s] ~ ` prefix (12-hour clock, UTC here). */
function timePrefix(nowMs: number): string {
  const d = new Date(nowMs);
  const hours = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `[${pad(hours)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}] ~ `;
}

/**
 * A finished manual backup as the plugin's process-status file reads at the end (the response of
 * POST /manual-backup): status done, progress 100, the logs, the archive's URL and migration URL,
 * the md5 of the status and the last detail line. Nothing is written anywhere.
 */
export function simulateBackup(params: BackupParams, siteUrl: string, nowMs: number, migrationNonce: string): Record<string, unknown> {
  const logs: Record<string, unknown>[] = [
    { init: 'backup' },
    { type: 'info', message: 'Backup started' },
    { type: 'info', message: 'Creating config file' },
    { type: 'info', message: 'Config file created' },
  ];
  let total = 2_048; // the config file
  for (const module of MODULES) {
    const sim = SIMULATED[module];
    if (params.ignore[module]) {
      logs.push({ type: 'warning', message: sim.ignored });
      continue;
    }
    logs.push({ type: 'info', message: sim.listing }, { type: 'info', message: sim.listed });
    if (module === 'database') logs.push({ type: 'info', message: 'Exporting database' }, { type: 'info', message: 'Database tables exported.' });
    total += sim.bytes;
  }
  logs.push(
    { type: 'info', message: 'Wrapping things up' },
    { type: 'info', message: 'Checking available space' },
    { type: 'info', message: 'Space available, archiving files' },
    { type: 'info', message: 'Time elapsed: 0 seconds' },
    { type: 'info', message: `File size: ${sizeFormat(total)}` },
    { type: 'done', message: 'Backup completed' },
  );
  const file = backupFileName(params, nowMs);
  const procstat: Record<string, unknown> = {
    status: 'done',
    progress: 100,
    data: {
      logs,
      result: {
        zipurl: `${siteUrl}/wp-content/ebwp-backups/${file}`,
        migration_url: `${siteUrl}/wp-admin/admin.php?page=everest-backup-migration_clone&tab=migration&file=${file}&ebwp_migration_nonce=${migrationNonce}`,
      },
    },
  };
  procstat.hash = createHash('md5').update(encodeJson(procstat, 'php')).digest('hex');
  procstat.detail = `${timePrefix(nowMs)}Backup completed`;
  return procstat;
}
