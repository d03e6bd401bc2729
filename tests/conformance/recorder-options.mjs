// The recorders' command-line options (record.mjs, record-formatting.mjs, record-users.mjs).

const argv = process.argv.slice(2);

/** The value after `--name`, or `fallback` when the option is absent; an option without a value is an error. */
export function opt(name, fallback) {
  const i = argv.indexOf(name);
  if (i === -1) return fallback;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

/** Whether the flag `--name` is given. */
export function flag(name) {
  return argv.includes(name);
}
