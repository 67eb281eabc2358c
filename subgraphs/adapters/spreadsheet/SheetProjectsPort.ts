import type { ProjectRecord } from '../../kit/model.ts';
import type { ListQuery, ListResult, ProjectFilter, ProjectsPort } from '../../kit/ports.ts';
import { hasFilter } from './hasFilter.ts';
import { matchesSearch } from './matchesSearch.ts';
import type { CurrentSnapshot } from './SpreadsheetSnapshot.ts';

/** Projects from 建设项目.csv, as last loaded. */
export class SheetProjectsPort implements ProjectsPort {
  constructor(private readonly current: CurrentSnapshot) {}

  async list(query: ListQuery<ProjectFilter>): Promise<ListResult<ProjectRecord>> {
    const { status, riverId, search } = query.filter;
    return this.current().projects.list(query, hasFilter(query.filter)
      ? (p) => (status === undefined || p.status === status) && (riverId === undefined || p.riverIds.includes(riverId))
        && matchesSearch(search, p.name, p.code)
      : undefined);
  }

  async byIds(ids: readonly string[]): Promise<ReadonlyArray<ProjectRecord | null>> {
    return this.current().projects.byIds(ids);
  }
}
