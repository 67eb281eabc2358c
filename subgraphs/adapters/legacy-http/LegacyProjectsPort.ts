import type { ProjectRecord } from '../../kit/model.ts';
import type { ListQuery, ListResult, ProjectFilter, ProjectsPort } from '../../kit/ports.ts';
import { fetchByIds } from './fetchByIds.ts';
import { XMZT } from './legacyCodes.ts';
import type { LegacyContext } from './LegacyContext.ts';
import { listLegacy, type LegacyListSpec } from './listLegacy.ts';
import { projectRowSchema, toProjectRecord } from './projectRow.ts';
import { rowParser, type RowParser } from './rowParser.ts';

/** How the legacy project list orders by each contract sort field. */
const ORDERS: LegacyListSpec['orders'] = {
  updatedAt: { column: 'gxsj', seek: { from: 'gxsjStart', to: 'gxsjEnd' } },
  code: { column: 'xmdm' },
  investmentWanYuan: { column: 'ztz' },
  progressPercent: { column: 'jdbfb' },
};

/** Projects (建设项目) from the legacy system's `xm` endpoints. */
export class LegacyProjectsPort implements ProjectsPort {
  private readonly parse: RowParser<ProjectRecord>;

  constructor(private readonly ctx: LegacyContext) {
    this.parse = rowParser(projectRowSchema, toProjectRecord, ctx.cityCode);
  }

  list(query: ListQuery<ProjectFilter>): Promise<ListResult<ProjectRecord>> {
    const { status, riverId, search } = query.filter;
    const params = { xmzt: status === undefined ? undefined : XMZT.codeOf(status), hlbm: riverId, keyword: search };
    return listLegacy(this.ctx, { orders: ORDERS, scanned: ['id'] },
      { path: '/api/v1/xm/list', params, operation: 'projects list', parse: this.parse }, query);
  }

  byIds(ids: readonly string[]): Promise<ReadonlyArray<ProjectRecord | null>> {
    return fetchByIds(this.ctx, { path: '/api/v1/xm/batch', type: 'Project', operation: 'projects by id', parse: this.parse }, ids);
  }
}
