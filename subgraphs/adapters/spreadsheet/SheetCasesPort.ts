import type { CaseRecord, JointPatrolRecord } from '../../kit/model.ts';
import type { CaseFilter, CasesPort, ListQuery, ListResult, PatrolFilter } from '../../kit/ports.ts';
import { hasFilter } from './hasFilter.ts';
import { matchesSearch } from './matchesSearch.ts';
import type { CurrentSnapshot } from './SpreadsheetSnapshot.ts';

/** Cases (案件登记.csv) and joint patrols (联合巡河.csv), as last loaded. */
export class SheetCasesPort implements CasesPort {
  constructor(private readonly current: CurrentSnapshot) {}

  async listCases(query: ListQuery<CaseFilter>): Promise<ListResult<CaseRecord>> {
    const { status, jointOnly, search } = query.filter;
    return this.current().cases.list(query, hasFilter(query.filter)
      ? (c) => (status === undefined || c.status === status) && (jointOnly !== true || c.joint)
        && matchesSearch(search, c.caseNumber, c.partyName, c.cause)
      : undefined);
  }

  async casesByIds(ids: readonly string[]): Promise<ReadonlyArray<CaseRecord | null>> {
    return this.current().cases.byIds(ids);
  }

  async casesByEnterprises(creditCodes: readonly string[]): Promise<ReadonlyArray<readonly CaseRecord[]>> {
    const byEnterprise = this.current().casesByEnterprise;
    return creditCodes.map((code) => byEnterprise.get(code) ?? []);
  }

  async listPatrols(query: ListQuery<PatrolFilter>): Promise<ListResult<JointPatrolRecord>> {
    const { riverId, search } = query.filter;
    return this.current().patrols.list(query, hasFilter(query.filter)
      ? (p) => (riverId === undefined || p.riverId === riverId) && matchesSearch(search, p.name, p.reach)
      : undefined);
  }

  async patrolsByIds(ids: readonly string[]): Promise<ReadonlyArray<JointPatrolRecord | null>> {
    return this.current().patrols.byIds(ids);
  }
}
