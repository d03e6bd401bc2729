/**
 * What a read from the store gives: a record frozen all the way down, so changing it throws a
 * TypeError (modules run in strict mode) instead of changing, or seeming to change, what is
 * stored. To change a record, copy it (`{ ...record, name }`) and `put` the copy. The same holds
 * at every collection size and after a reopen.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) deepFreeze(record[key]);
  }
  return value;
}

/**
 * What `put` keeps of a value: its JSON text (what the write-ahead log and the file get) and a
 * frozen copy parsed from it, so the caller's object stays the caller's and memory holds exactly
 * what a reopen would read.
 */
export function storedForm<T>(value: T): { json: string | undefined; value: T } {
  const json = JSON.stringify(value) as string | undefined;
  return { json, value: json === undefined ? (undefined as T) : deepFreeze(JSON.parse(json) as T) };
}
