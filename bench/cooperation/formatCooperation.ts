/** The cooperation part as Markdown, in the style of the side-by-side tables (bench/formatReport.ts). */
import type { Measurement } from '../measureTarget.ts';
import { table } from '../markdownTable.ts';
import type { CooperationResult } from './CooperationResult.ts';

export function formatCooperation(result: CooperationResult): string {
  const lines = [`Cooperation through our gateway, security on; relay at ${result.relaySettings}.`];
  const { writeVsRead: wr, noticeLatency: nl, backlog: b } = result;
  if (wr) {
    const row = (label: string, m: Measurement) => [label, String(m.requests), m.requestsPerSecond.toFixed(0), m.p50Ms.toFixed(2), m.p99Ms.toFixed(2), String(m.failures)];
    lines.push('', table(
      ['round trip at 1 connection', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'failures'],
      [
        row('reportIncident (fresh key each time)', wr.write),
        row('node(id) of one of those incidents', wr.read),
        ['write ÷ read', '', `${(wr.read.requestsPerSecond / wr.write.requestsPerSecond).toFixed(2)}×`,
          `${(wr.write.p50Ms / wr.read.p50Ms).toFixed(2)}×`, `${(wr.write.p99Ms / wr.read.p99Ms).toFixed(2)}×`, ''],
      ],
      [false, true, true, true, true, true],
    ));
  }
  if (nl) {
    lines.push('', table(
      [`reportIncident answered → notice in the inbox (${nl.incidents} incidents, polled every ${nl.pollIntervalMs} ms)`, 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      Object.entries(nl.byRecipient).map(([code, p]) => [`recipient ${code}`, p.p50Ms.toFixed(0), p.p90Ms.toFixed(0), p.p99Ms.toFixed(0), p.maxMs.toFixed(0)]),
      [false, true, true, true, true],
    ));
  }
  if (b) {
    const ok = (value: boolean) => (value ? 'yes' : '**NO**');
    lines.push('', table(
      [`backlog ${b.sender} → ${b.recipient}, recipient down then back`, 'value'],
      [
        ['messages', String(b.messages)],
        ['written by', b.writtenBy],
        ['writing them took', `${b.writeSeconds.toFixed(1)} s (${(b.messages / b.writeSeconds).toFixed(0)}/s)`],
        ['recipient ready → first in its inbox', `${(b.firstDeliveryAfterMs / 1000).toFixed(2)} s`],
        ['first → last in its inbox', `${(b.drainMs / 1000).toFixed(2)} s`],
        ['recipient ready → all DELIVERED at the sender', `${(b.allDeliveredAfterMs / 1000).toFixed(2)} s`],
        ['delivery rate while draining', `${b.drainPerSecond.toFixed(0)} messages/s`],
        ['delivery rate from the recipient ready', `${b.overallPerSecond.toFixed(0)} messages/s`],
        ['CPU ms per message: gateway / sender / recipient / bench polling', b.cpuMsPerMessage
          ? ['gateway', 'sender', 'recipient', 'loadGenerator'].map((k) => (b.cpuMsPerMessage![k] ?? Number.NaN).toFixed(2)).join(' / ') : '–'],
        ['other processes meanwhile', b.otherCpuShare === null ? '–' : `${(100 * b.otherCpuShare).toFixed(0)} % of the cores`],
        ['all arrived after the restart, none lost', ok(b.checks.allArrived)],
        ['all DELIVERED at the sender', ok(b.checks.allMarkedDelivered)],
        ['inbox sequences 1…n, no gap, no duplicate, in order', ok(b.checks.inboxSequencesContiguous)],
        ['inbox holds exactly the outbox\'s messages', ok(b.checks.sameMessages)],
      ],
      [false, true],
    ));
  }
  return lines.join('\n');
}

/** Whether the backlog's checks all held (else its figures do not count). */
export function cooperationChecksPassed(result: CooperationResult): boolean {
  const checks = result.backlog?.checks;
  return checks === undefined || Object.values(checks).every(Boolean);
}
