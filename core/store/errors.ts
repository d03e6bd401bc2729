/** The store file could not be opened: unreadable, corrupt, foreign, or of another schema version. */
export class StoreOpenError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Cannot open the store ${file}: ${reason}`);
    this.name = 'StoreOpenError';
  }
}

/** Another live process holds the store file. */
export class StoreLockedError extends Error {
  constructor(
    readonly file: string,
    readonly holderPid: number,
    detail?: string,
  ) {
    super(detail ?? (holderPid > 0 ? `The store ${file} is in use by process ${holderPid}. Stop it, or point DB_FILE at another file.` : `The store ${file} is in use by another process. Stop it, or point DB_FILE at another file.`));
    this.name = 'StoreLockedError';
  }
}

/** A flush could not be made durable (disk full, read-only file system, ...). */
export class StoreWriteError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`The store ${file} could not be written: ${(cause as NodeJS.ErrnoException)?.code ?? String(cause)}`);
    this.name = 'StoreWriteError';
  }
}
