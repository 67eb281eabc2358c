import type { CaseRecord, JointPatrolRecord } from '../../kit/model.ts';
import type { CaseFilter, CasesPort, ListQuery, ListResult, PatrolFilter } from '../../kit/ports.ts';
import { caseRowSchema, toCaseRecord } from './caseRow.ts';
import { fetchByIds } from './fetchByIds.ts';
import { groupByKey } from './groupByKey.ts';
import { comparePositions } from '../../kit/listOrder.ts';
import { AJZT } from './legacyCodes.ts';
import type { LegacyContext } from './LegacyContext.ts';
import { listLegacy, type LegacyListSpec } from './listLegacy.ts';
import { patrolRowSchema, toPatrolRecord } from './patrolRow.ts';
import { rowParser, type RowParser } from './rowParser.ts';
import { scanByKeys } from './scanByKeys.ts';

const CASE_LIST: LegacyListSpec = {
  orders: { filedAt: { column: 'lasj', seek: { from: 'lasjStart', to: 'lasjEnd' } }, caseNumber: { column: 'ajbh' } },
  scanned: ['id'],
};
const PATROL_LIST: LegacyListSpec = {
  orders: { startedAt: { column: 'kssj', seek: { from: 'kssjStart', to: 'kssjEnd' } } },
  scanned: ['id'],
};

/** Enforcement cases (行政处罚案件, `aj`) and joint patrols (联合巡河, `xh`) from the legacy system. */
export class LegacyCasesPort implements CasesPort {
  private readonly parseCases: RowParser<CaseRecord>;
  private readonly parsePatrols: RowParser<JointPatrolRecord>;

  constructor(private readonly ctx: LegacyContext) {
    this.parseCases = rowParser(caseRowSchema, toCaseRecord, ctx.cityCode);
    this.parsePatrols = rowParser(patrolRowSchema, toPatrolRecord, ctx.cityCode);
  }

  listCases(query: ListQuery<CaseFilter>): Promise<ListResult<CaseRecord>> {
    const { status, jointOnly, search } = query.filter;
    const params = {
      ajzt: status === undefined ? undefined : AJZT.codeOf(status), sflhzf: jointOnly === true ? '1' : undefined, keyword: search,
    };
    return listLegacy(this.ctx, CASE_LIST, { path: '/api/v1/aj/list', params, operation: 'cases list', parse: this.parseCases }, query);
  }

  casesByIds(ids: readonly string[]): Promise<ReadonlyArray<CaseRecord | null>> {
    return fetchByIds(this.ctx, { path: '/api/v1/aj/batch', type: 'EnforcementCase', operation: 'cases by id', parse: this.parseCases }, ids);
  }

  /** Newest first (filedAt DESC, then id), per enterprise. */
  async casesByEnterprises(creditCodes: readonly string[]): Promise<ReadonlyArray<readonly CaseRecord[]>> {
    const cases = await scanByKeys(this.ctx, creditCodes, {
      path: '/api/v1/aj/list', params: (tyshxydm) => ({ tyshxydm }), operation: 'cases by enterprise', parse: this.parseCases,
    });
    cases.sort((a, b) => comparePositions({ value: a.filedAt, id: a.id }, { value: b.filedAt, id: b.id }, 'DESC'));
    return groupByKey(creditCodes, cases, (c) => c.enterpriseCreditCode);
  }

  listPatrols(query: ListQuery<PatrolFilter>): Promise<ListResult<JointPatrolRecord>> {
    const { riverId, search } = query.filter;
    return listLegacy(this.ctx, PATROL_LIST,
      { path: '/api/v1/xh/list', params: { hlbm: riverId, keyword: search }, operation: 'patrols list', parse: this.parsePatrols }, query);
  }

  patrolsByIds(ids: readonly string[]): Promise<ReadonlyArray<JointPatrolRecord | null>> {
    return fetchByIds(this.ctx, { path: '/api/v1/xh/batch', type: 'JointPatrol', operation: 'patrols by id', parse: this.parsePatrols }, ids);
  }
}
