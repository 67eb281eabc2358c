import type { LiveResult } from './LiveResult.ts';

/** The live part's figures as text, against issue 12's aims (p99 < 500 ms, < 50 KB per idle subscriber). */
export function formatLive(r: LiveResult): string {
  const { settings: s } = r;
  const ms = (v: number | null) => (v === null ? '—' : `${v.toFixed(0)} ms`);
  return [
    `Live (${s.transport}): ${s.subscribers} subscribers over ${s.connections} connections, ${s.rate} packets/s for ${s.seconds} s`,
    `  packets sent ${r.packetsSent}, events logged ${r.eventsLogged}, delivered ${r.delivered} (missing ${r.missing}, duplicates ${r.duplicates}, out of order ${r.outOfOrder}, errors ${r.errors})`,
    `  commit → client: p50 ${ms(r.latencyMs.p50)}, p99 ${ms(r.latencyMs.p99)}, max ${ms(r.latencyMs.max)} (aim: p99 < 500 ms)`,
    `  memory per idle subscriber: ${(r.memory.bytesPerIdleSubscriber / 1024).toFixed(1)} KB (RSS ${(r.memory.rssBeforeBytes / 1_048_576).toFixed(1)} → ${(r.memory.rssIdleBytes / 1_048_576).toFixed(1)} MB; aim < 50 KB)`,
    `  gateway CPU per delivered event: ${r.cpu.perDeliveredEventMs === null ? '—' : `${r.cpu.perDeliveredEventMs.toFixed(3)} ms`} (${r.cpu.gatewayMs?.toFixed(0) ?? '—'} ms in all)`,
    ...(r.firstError ? [`  first error: ${r.firstError}`] : []),
  ].join('\n');
}

/** Whether the run delivered every event once, in order, without errors (else its figures are not valid). */
export function liveChecksPassed(r: LiveResult): boolean {
  return r.missing === 0 && r.duplicates === 0 && r.outOfOrder === 0 && r.errors === 0 && r.eventsLogged === r.packetsSent;
}
