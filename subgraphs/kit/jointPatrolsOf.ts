/**
 * A bureau's joint patrols: those of its own system (CasesPort) and those made from its joint patrol
 * proposals (the cooperation store), read as one list and one id lookup.
 */
import type { JointPatrolRecord } from './model.ts';
import { mergeListResults } from './mergeListResults.ts';
import type { BureauSource, ListQuery, ListResult, PatrolFilter } from './ports.ts';

export async function listJointPatrols(source: BureauSource, query: ListQuery<PatrolFilter>): Promise<ListResult<JointPatrolRecord>> {
  const store = source.cooperation;
  if (store === undefined) return source.cases.listPatrols(query);
  const [own, made] = await Promise.all([source.cases.listPatrols(query), store.listJointPatrols(query)]);
  return mergeListResults<JointPatrolRecord>(own, made, query);
}

/** By id, in order: the bureau's own system first, the cooperation store for the ids it does not know. */
export async function jointPatrolsByIds(source: BureauSource, ids: readonly string[]): Promise<ReadonlyArray<JointPatrolRecord | null>> {
  const own = await source.cases.patrolsByIds(ids);
  const store = source.cooperation;
  const missing = ids.filter((_, i) => own[i] == null);
  if (store === undefined || missing.length === 0) return own;
  const made = new Map((await store.jointPatrolsByIds(missing)).filter((p) => p !== null).map((p) => [p.id, p]));
  return ids.map((id, i) => own[i] ?? made.get(id) ?? null);
}
