/**
 * Part (1): what a write costs against a read of the same record, through the gateway with security
 * on: reportIncident with a fresh idempotency key every time (each writes an incident, its initial
 * report, two notices and their outbox messages in one transaction of 遂宁's store, after the bureau
 * asked the gateway for the river's sections), then node(id) of one of those incidents with the same
 * selection. One connection each, so the figures are the round trip, not queueing. The relay keeps
 * delivering the written notices meanwhile: that is part of what a write costs the machine.
 */
import { postGraphQL, requestBody } from '../postGraphQL.ts';
import { measureTarget } from '../measureTarget.ts';
import type { CpuGroups } from '../processCpu.ts';
import type { WriteVsRead } from './CooperationResult.ts';
import { READ_INCIDENT, reportIncidentBody } from './cooperationQueries.ts';

const WARMUP_SECONDS = 1;

export interface WriteVsReadSettings {
  readonly url: string;
  /** The reporter's token (bureau 510900, incidents:write). */
  readonly headers: Readonly<Record<string, string>>;
  readonly seconds: number;
  readonly cpu: CpuGroups;
}

export async function measureWriteVsRead({ url, headers, seconds, cpu }: WriteVsReadSettings): Promise<WriteVsRead> {
  let n = 0;
  const first = await postGraphQL(url, reportIncidentBody(++n), headers);
  const id = (first.body.data?.['reportIncident'] as { id?: string } | null | undefined)?.id;
  if (first.status !== 200 || first.body.errors || typeof id !== 'string') {
    throw new Error(`reportIncident through the gateway failed: HTTP ${first.status} ${JSON.stringify(first.body.errors ?? first.body)}`);
  }
  const readBody = requestBody(READ_INCIDENT, { id });
  const read = await postGraphQL(url, readBody, headers);
  if ((read.body.data?.['node'] as { id?: string } | null | undefined)?.id !== id) {
    throw new Error(`node(id) of the incident just written did not return it: ${JSON.stringify(read.body)}`);
  }
  const load = { connections: 1, warmupSeconds: WARMUP_SECONDS, durationSeconds: seconds, cpu, headers };
  const write = await measureTarget(url, '', { ...load, freshBody: () => reportIncidentBody(++n) });
  return { write, read: await measureTarget(url, readBody, load) };
}
