/**
 * Whose budget a request spends: an authenticated caller's token subject (`sub:<subject>`, the same
 * budget from any address or replica), else the client's address (`ip:<address>`). An IPv6 client
 * is keyed by its /64 prefix: one subscriber usually holds a whole /64, so keying by full address
 * would hand out 2^64 budgets. IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`) count as the IPv4 one.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Caller } from '../auth/Caller.ts';

export function rateLimitKey(caller: Caller, clientAddress: string): string {
  if (caller.role === 'authenticated' && caller.subject !== null) return `sub:${caller.subject}`;
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
