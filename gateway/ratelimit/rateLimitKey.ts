/**
 * Whose budget a request spends: an authenticated caller's token subject (`sub:<subject>`, the same
 * budget from any address or replica), else the client's address (`ip:<address>`). An IPv6 client
 * is keyed by its /64 prefix: one subscriber usually holds a whole /64, so keying by full address
 * would hand out 2^64 budgets. IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`) count as the IPv4 one.
 *
 * The region's callbacks (origin `region-callback`) have keys of their own, apart from every client
 * budget: `region-callback:sub:<subject>` for an authenticated caller, `region-callback:public` for
 * the public role. Never the address: the region's address is not the caller's.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Caller } from '../request/Caller.ts';

/** `client` = a request from a client; `region-callback` = the region asking on behalf of the caller. */
export type RequestOrigin = 'client' | 'region-callback';

export function rateLimitKey(caller: Caller, clientAddress: string, origin: RequestOrigin = 'client'): string {
  const subject = caller.role === 'authenticated' && caller.subject !== null ? `sub:${caller.subject}` : null;
  if (origin === 'region-callback') return `region-callback:${subject ?? 'public'}`;
  if (subject !== null) return subject;
  return `ip:${addressGroup(clientAddress)}`;
}

function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  // A trailing dotted IPv4 part stands for two groups.
  const last = (tail === undefined ? left : right).at(-1) ?? '';
  const written = left.length + right.length + (last.includes('.') ? 1 : 0);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - written).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}
