/**
 * The address of the client a request comes from: the TCP peer, or, behind `trustedProxies` reverse
 * proxies (ECOGRAPH_TRUST_PROXY), the address the outermost of them saw. Proxies append to
 * X-Forwarded-For (nginx `$proxy_add_x_forwarded_for`), so with one proxy the real client is the LAST
 * entry; entries to its left are whatever the client sent and are never trusted (a client could
 * otherwise pick a fresh rate-limit key per request). A missing or malformed entry falls back to the
 * TCP peer.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export function readClientAddress(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  if (hops.length === 0) return peer;
  const client = hops[Math.max(0, hops.length - trustedProxies)]!;
  return isIP(client) !== 0 ? client : peer;
}
