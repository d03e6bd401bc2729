export { createApp, buildExpressApp, type CreateAppOptions, type EmulatorApp } from './app';
export { createSite, type Site, type SiteOptions } from './site';
export { startServer, type RunningServer } from './serve';
export { allNamespaces } from './namespaces';
export { createClock, type Clock } from '../core/clock';
export { WpError } from '../core/rest/errors';
export { RestResponse } from '../core/rest/response';
export { FaultError, type Fault, type FaultSpec, type JournalEntry, type JournalFilter } from '../wp-json';
export type { TokenIntrospection } from '../core/namespace';
