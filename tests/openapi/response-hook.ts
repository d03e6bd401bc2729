import { appendFileSync } from 'node:fs';
import { Test } from 'supertest';
import { openApiDocument } from '../../core/openapi';
import type { EmulatorApp } from '../../plugin/app';
import { namespaceFacts } from '../../core/openapi';
import { checkResponse, workerDocuments } from './response-check';

/**
 * Every response that supertest receives from an app made by tests/helpers.ts is checked against
 * that app's own OpenAPI document (status, content type, body schema): a violation fails the
 * request's test with what is wrong. The document is generated once per app; the schemas are
 * compiled once per worker (response-check.ts).
 */
const apps = new WeakMap<object, { emu: EmulatorApp; docs?: Map<string, Record<string, any>> }>();

/** Puts an app's responses under the check. */
export function checkResponsesOf(emu: EmulatorApp): void {
  apps.set(emu.app, { emu });
}

/**
 * The document the check uses for an app: generated from its registry once per distinct registry
 * (routes, the namespaces' facts, the site) in the worker, since most apps of a test run are alike;
 * again when the active namespaces change (a plugin activated or deactivated).
 */
export function documentOf(emu: EmulatorApp): Record<string, any> {
  const entry = apps.get(emu.app) ?? { emu };
  const rest = emu.site.rest;
  const active = rest.namespaceList().join(',');
  let doc = entry.docs?.get(active);
  if (!doc) {
    const key = JSON.stringify([emu.config.siteUrl, emu.config.siteName, rest.routeList(), rest.namespaceList().map((ns) => namespaceFacts(rest, ns))]);
    doc = workerDocuments.get(key) ?? openApiDocument(rest, { siteUrl: emu.config.siteUrl, siteName: emu.config.siteName })!;
    workerDocuments.set(key, doc);
    (entry.docs ??= new Map()).set(active, doc);
  }
  return doc;
}

/** An answer made by a fault the test injected (emulator/v1/faults) is the test's, not the API's. */
function injected(emu: EmulatorApp, url: string, status: number): boolean {
  const path = new URL(url, 'http://x').pathname;
  // No journal (the test-control extension not active): nothing can have been injected.
  const journal = (emu as Partial<EmulatorApp>).journal;
  const entry = journal ? [...journal.list()].reverse().find((e) => e.status === status && e.path.split('?')[0] === path) : undefined;
  return entry !== undefined && entry.fault !== null;
}

type Internals = { app?: object; method: string; url: string; get(header: string): string | undefined; assert(error: unknown, res: any, fn: (error: unknown, res: unknown) => void): void };
const proto = Test.prototype as unknown as Internals & { __openapiChecked?: boolean };

if (!proto.__openapiChecked) {
  proto.__openapiChecked = true;
  const assert = proto.assert;
  proto.assert = function (this: Internals, error, res, fn) {
    // supertest wraps an Express app in an http.Server: the app is that server's request listener.
    const server = this.app as { listeners?(event: string): unknown[] } | undefined;
    const handler = typeof server?.listeners === 'function' ? server.listeners('request')[0] : undefined;
    const entry = (handler ? apps.get(handler as object) : undefined) ?? (server ? apps.get(server) : undefined);
    if (entry && res && typeof res.status === 'number') {
      const violation = checkResponse(documentOf(entry.emu), {
        method: this.method,
        url: this.url,
        status: res.status,
        contentType: res.headers?.['content-type'],
        // A test with its own parser (`.buffer(true).parse(...)`) gets the raw bytes as `body`.
        text: typeof res.text === 'string' ? res.text : Buffer.isBuffer(res.body) && res.body.length > 0 ? res.body.toString('utf8') : undefined,
        methodOverride: this.get('X-HTTP-Method-Override'),
      });
      // OPENAPI_VIOLATIONS=<file>: list every violation there instead of failing (to survey the whole suite at once).
      if (violation && injected(entry.emu, this.url, res.status)) return assert.call(this, error, res, fn);
      if (violation && process.env.OPENAPI_VIOLATIONS) appendFileSync(process.env.OPENAPI_VIOLATIONS, `${violation}\n`);
      else if (violation) return fn.call(this, new Error(`OpenAPI response check: ${violation}`), res);
    }
    return assert.call(this, error, res, fn);
  };
}
