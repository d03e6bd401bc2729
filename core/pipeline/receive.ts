import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock';
import type { RestServer } from '../rest/server';
import { clientAddress } from './client-address';
import { ANONYMOUS, EMPTY_BODY, type RequestContext } from './context';
import { restRouteOf } from './route';

/**
 * The receive stage's first step: the context of a request that has just arrived (its route and
 * namespace, the client's address, the time), anonymous and without a body until the later steps.
 */
export function receiveContext(req: IncomingMessage, res: ServerResponse, url: string, server: RestServer, clock: Clock): RequestContext {
  const route = restRouteOf(url);
  return {
    req,
    res,
    method: req.method ?? 'GET',
    url,
    route,
    namespace: route === null ? null : server.namespaceOf(route),
    started: performance.now(),
    arrived: clock.now(),
    ip: clientAddress(req.socket),
    auth: ANONYMOUS,
    body: EMPTY_BODY,
    bodyError: null,
    secrets: new Set<string>(),
    fault: null,
    answer: null,
    written: false,
    durationMs: null,
  };
}
