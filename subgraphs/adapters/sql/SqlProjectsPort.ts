import { sql } from 'kysely';
import type { ProjectRecord } from '../../kit/model.ts';
import type { ListQuery, ListResult, ProjectFilter, ProjectsPort } from '../../kit/ports.ts';
import { alignOne } from './alignByKey.ts';
import { fetchByKeys } from './fetchByKeys.ts';
import { guarded } from './guarded.ts';
import { keysetPage } from './keysetPage.ts';
import { rowToProject } from './projectRows.ts';
import type { BureauDatabase } from './schema.ts';
import { columnSortKeys, sortKeyFor } from './sortKeyFor.ts';
import type { StoreContext } from './StoreContext.ts';

const SORT_KEYS = columnSortKeys({
  updatedAt: 'updated_at', id: 'id', code: 'code', investmentWanYuan: 'investment_wan_yuan',
  progressPercent: 'progress_percent',
});

/** Projects (建设项目) from the bureau's SQL store. */
export class SqlProjectsPort implements ProjectsPort {
  constructor(private readonly store: StoreContext<BureauDatabase>) {}

  async list(query: ListQuery<ProjectFilter>): Promise<ListResult<ProjectRecord>> {
    const key = sortKeyFor(SORT_KEYS, query.sort, 'projects');
    const { status, riverId, search } = query.filter;
    return guarded(this.store.cityCode, 'projects list', () => {
      let filtered = this.store.db.selectFrom('projects');
      if (status !== undefined) filtered = filtered.where('status', '=', status);
      if (riverId !== undefined) {
        filtered = filtered.where('id', 'in', (eb) =>
          eb.selectFrom('project_rivers').select('project_id').where('river_id', '=', riverId));
      }
      if (search !== undefined) filtered = filtered.where(this.store.flavour.matchesAny(['name', 'code'], search));
      return keysetPage(filtered, (qb) => qb.selectAll(), { key, direction: query.sort.direction, id: sql.ref('id') },
        query, rowToProject);
    });
  }

  byIds(ids: readonly string[]): Promise<ReadonlyArray<ProjectRecord | null>> {
    return guarded(this.store.cityCode, 'projects by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) =>
        this.store.db.selectFrom('projects').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map(rowToProject), (p) => p.id);
    });
  }
}
