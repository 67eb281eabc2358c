/**
 * A signal that aborts when the client of one HTTP request is gone before its answer was sent, so
 * the work done for it (every subgraph request) can be cancelled.
 *
 * The server allows half-open sockets (a client that half-closes after its request, `nc -N` or
 * some proxies, still reads the answer), so a client's FIN alone does not say it is gone: a client
 * that closed its socket altogether sends the same FIN. HTTP/1.1 lets a server send interim 1xx
 * responses that every client must accept and skip (RFC 9110 §15.2), so after a FIN the server
 * sends `102 Processing`: a client still reading ignores it; a closed socket answers with a TCP
 * reset, which the next probe's write reports as the response closing before it finished.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** When, after the FIN, to probe (ms): the first elicits the reset, the later ones surface it. */
const PROBES_AFTER_FIN_MS = [0, 50, 250, 1_000];

export function watchClientGone(req: IncomingMessage, res: ServerResponse): AbortSignal {
  const gone = new AbortController();
  const timers: NodeJS.Timeout[] = [];
  const probe = () => {
    if (!res.headersSent && !res.destroyed) res.writeProcessing();
  };
  const onFin = () => {
    // HTTP/1.0 clients must not be sent a 1xx: they get their answer, and are never cancelled.
    if (req.httpVersionMajor !== 1 || req.httpVersionMinor < 1) return;
    for (const ms of PROBES_AFTER_FIN_MS) timers.push(setTimeout(probe, ms).unref());
  };
  // The response's 'close' before it finished is the client gone; the request's own 'close' fires
  // as soon as its body has been read, so it cannot tell.
  res.once('close', () => {
    for (const timer of timers) clearTimeout(timer);
    req.socket.off('end', onFin);
    if (!res.writableFinished) gone.abort(new Error('the client closed the connection before its answer was sent'));
  });
  if (req.socket.readableEnded) onFin();
  else req.socket.once('end', onFin);
  return gone.signal;
}
