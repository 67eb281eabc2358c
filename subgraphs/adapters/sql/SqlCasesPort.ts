import { sql } from 'kysely';
import type { CaseRecord, JointPatrolRecord } from '../../kit/model.ts';
import type { CaseFilter, CasesPort, ListQuery, ListResult, PatrolFilter } from '../../kit/ports.ts';
import { alignMany, alignOne } from './alignByKey.ts';
import { rowToCase } from './caseRows.ts';
import { fetchByKeys } from './fetchByKeys.ts';
import { guarded } from './guarded.ts';
import { keysetPage } from './keysetPage.ts';
import { rowToPatrol } from './patrolRows.ts';
import type { BureauDatabase } from './schema.ts';
import { columnSortKeys, sortKeyFor } from './sortKeyFor.ts';
import type { StoreContext } from './StoreContext.ts';

const CASE_SORT_KEYS = columnSortKeys({ filedAt: 'filed_at', id: 'id', caseNumber: 'case_number' });
const PATROL_SORT_KEYS = columnSortKeys({ startedAt: 'started_at', id: 'id' });

/** Enforcement cases (行政处罚案件) and joint patrols from the bureau's SQL store. */
export class SqlCasesPort implements CasesPort {
  constructor(private readonly store: StoreContext<BureauDatabase>) {}

  async listCases(query: ListQuery<CaseFilter>): Promise<ListResult<CaseRecord>> {
    const key = sortKeyFor(CASE_SORT_KEYS, query.sort, 'cases');
    const { status, jointOnly, search } = query.filter;
    return guarded(this.store.cityCode, 'cases list', () => {
      let filtered = this.store.db.selectFrom('cases');
      if (status !== undefined) filtered = filtered.where('status', '=', status);
      if (jointOnly === true) filtered = filtered.where('joint', '=', 1);
      if (search !== undefined) filtered = filtered.where(this.store.flavour.matchesAny(['case_number', 'party_name', 'cause'], search));
      return keysetPage(filtered, (qb) => qb.selectAll(), { key, direction: query.sort.direction, id: sql.ref('id') },
        query, rowToCase);
    });
  }

  casesByIds(ids: readonly string[]): Promise<ReadonlyArray<CaseRecord | null>> {
    return guarded(this.store.cityCode, 'cases by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) =>
        this.store.db.selectFrom('cases').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map(rowToCase), (c) => c.id);
    });
  }

  casesByEnterprises(creditCodes: readonly string[]): Promise<ReadonlyArray<readonly CaseRecord[]>> {
    return guarded(this.store.cityCode, 'cases by enterprise', async () => {
      const rows = await fetchByKeys(creditCodes, (chunk) =>
        this.store.db.selectFrom('cases').selectAll()
          .where('enterprise_credit_code', 'in', chunk)
          .orderBy('filed_at', 'desc').orderBy('id')
          .execute());
      return alignMany(creditCodes, rows.map(rowToCase), (c) => c.enterpriseCreditCode);
    });
  }

  async listPatrols(query: ListQuery<PatrolFilter>): Promise<ListResult<JointPatrolRecord>> {
    const key = sortKeyFor(PATROL_SORT_KEYS, query.sort, 'patrols');
    const { riverId, search } = query.filter;
    return guarded(this.store.cityCode, 'patrols list', () => {
      let filtered = this.store.db.selectFrom('patrols');
      if (riverId !== undefined) filtered = filtered.where('river_id', '=', riverId);
      if (search !== undefined) filtered = filtered.where(this.store.flavour.matchesAny(['name', 'reach'], search));
      return keysetPage(filtered, (qb) => qb.selectAll(), { key, direction: query.sort.direction, id: sql.ref('id') },
        query, rowToPatrol);
    });
  }

  patrolsByIds(ids: readonly string[]): Promise<ReadonlyArray<JointPatrolRecord | null>> {
    return guarded(this.store.cityCode, 'patrols by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) =>
        this.store.db.selectFrom('patrols').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map(rowToPatrol), (p) => p.id);
    });
  }
}
