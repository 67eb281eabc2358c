import type { Dispatcher } from 'undici';

/**
 * The request, or the abort of `signal`, whichever comes first; used for every request the gateway
 * sends a subgraph. undici 7 settles a request that waits for a new connection only when that
 * connection opens or fails (its connect timeout, 10 s), not when the request's signal aborts: with
 * a bureau's link down, answers came up to 10 s past a 3 s deadline
 * (test/deployment/composeAcrossHosts.test.ts). The losing request is left to undici, which aborts
 * it once it is dispatched; its late answer, if any, is drained.
 */
export function settleByDeadline(request: Promise<Dispatcher.ResponseData>, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
  if (signal.aborted) {
    request.then((late) => late.body.dump(), () => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      request.then((late) => late.body.dump(), () => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    request.then(
      (res) => { signal.removeEventListener('abort', onAbort); resolve(res); },
      (error: unknown) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}
