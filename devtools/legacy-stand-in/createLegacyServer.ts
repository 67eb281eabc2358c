/**
 * The simulated legacy web service (广安市生态环境综合业务平台): plain node:http, GET only, every
 * answer wrapped as `{ code, msg, data }` with HTTP 200 (errors included, as the old system did),
 * except the injected faults: an HTTP 500 HTML page, `{ code: 500 }`, or a connection dropped
 * without an answer. See README.md for the API.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createFaultPlan, type FaultOptions } from './createFaultPlan.ts';
import type { LegacyDataset } from './LegacyDataset.ts';
import { LEGACY_ROUTES } from './legacyRoutes.ts';
import { LegacyParamError } from './ListSpec.ts';

export interface LegacyServerOptions extends FaultOptions {
  readonly dataset: LegacyDataset;
  /** The clock the ping endpoint reports. @default Date.now */
  readonly now?: () => number;
}

export function createLegacyServer(options: LegacyServerOptions): Server {
  const { dataset, now = Date.now } = options;
  const faults = createFaultPlan(options);
  const server = createServer((req, res) => {
    const { fault, delayMs } = faults.next();
    setTimeout(() => answer(req, res, fault), delayMs);
  });
  // Old Tomcat kept idle connections for 20 s; keep-alive clients must cope with it closing them.
  server.keepAliveTimeout = 20_000;

  function answer(req: IncomingMessage, res: ServerResponse, fault: ReturnType<typeof faults.next>['fault']): void {
    if (res.destroyed) return;
    switch (fault) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'http-500':
        res.writeHead(500, { 'content-type': 'text/html;charset=UTF-8' }).end('<html><body><h1>HTTP Status 500 - Internal Server Error</h1></body></html>');
        return;
      case 'code-500':
        send(res, 200, { code: 500, msg: '系统繁忙，请稍后再试', data: null });
        return;
      case 'none':
        break;
    }
    const url = new URL(req.url ?? '/', 'http://legacy.invalid');
    const route = LEGACY_ROUTES.get(url.pathname);
    if (req.method !== 'GET' || route === undefined) {
      send(res, 404, { code: 404, msg: '接口不存在', data: null });
      return;
    }
    try {
      send(res, 200, { code: 0, msg: 'success', data: route(dataset, url.searchParams, now()) });
    } catch (error) {
      if (error instanceof LegacyParamError) send(res, 200, { code: 400, msg: error.message, data: null });
      else send(res, 200, { code: 500, msg: '系统内部错误', data: null });
    }
  }
  return server;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) }).end(text);
}
