import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import type { ProjectRecord, ProjectStatus } from '../model.ts';
import { searchArg } from './arguments.ts';
import { listResolver, type ListArgs } from './listResolver.ts';
import { lookupResolver, referenceResolver } from './lookupResolvers.ts';
import { cityRefs, riverRefs } from './references.ts';

interface ProjectArgs extends ListArgs {
  readonly status?: ProjectStatus | null;
  readonly riverId?: string | null;
  readonly search?: string | null;
}

export function projectResolvers(policies: ReadonlyMap<string, ShardingPolicy>) {
  return {
    Query: {
      projects: listResolver(policies.get('projects'), {
        filter: (a: ProjectArgs) => ({ status: a.status ?? undefined, riverId: a.riverId ?? undefined, search: searchArg(a.search) }),
        list: (ctx, q) => ctx.source.projects.list(q),
        loader: (ctx) => ctx.loaders.projects,
      }),
      project: lookupResolver('Project', (ctx) => ctx.loaders.projects),
    },
    Project: {
      __resolveReference: referenceResolver('Project', (ctx) => ctx.loaders.projects),
      partners: (p: ProjectRecord) => cityRefs(p.partnerCityCodes),
      rivers: (p: ProjectRecord) => riverRefs(p.riverIds),
    },
  };
}
