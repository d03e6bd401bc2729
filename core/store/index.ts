export { Store, Collection, type StoreOptions } from './store';
export { StoreOpenError, StoreLockedError, StoreWriteError } from './errors';
export { readLock, lockPath, type LockInfo } from './lock';
export { SCHEMA_VERSION, parseData, type StoreData } from './format';
export { nodeFs, type StoreFs } from './durable-file';
export { checkStoreFiles, moveStoreAside, presentStoreFiles, storeBytesOnDisk, walPath, type StoreCheck } from './files';
