import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import type { CityContext } from '../CityContext.ts';
import { listJointPatrols } from '../jointPatrolsOf.ts';
import type { CaseRecord, CaseStatus, JointActionRecord, JointPatrolRecord } from '../model.ts';
import { searchArg } from './arguments.ts';
import { caseInternalResolvers } from './caseInternalResolvers.ts';
import { auditView } from './cooperationWrites.ts';
import { listResolver, type ListArgs } from './listResolver.ts';
import { lookupResolver, referenceResolver } from './lookupResolvers.ts';
import { cityRefs, enterpriseRef, riverRef, riverRefs } from './references.ts';

interface CaseArgs extends ListArgs {
  readonly status?: CaseStatus | null;
  readonly jointOnly?: boolean | null;
  readonly search?: string | null;
}

interface PatrolArgs extends ListArgs {
  readonly riverId?: string | null;
  readonly search?: string | null;
}

export function caseResolvers(policies: ReadonlyMap<string, ShardingPolicy>) {
  return {
    Query: {
      enforcementCases: listResolver(policies.get('enforcementCases'), {
        filter: (a: CaseArgs) => ({ status: a.status ?? undefined, jointOnly: a.jointOnly ?? false, search: searchArg(a.search) }),
        list: (ctx, q) => ctx.source.cases.listCases(q),
        loader: (ctx) => ctx.loaders.cases,
      }),
      jointPatrols: listResolver(policies.get('jointPatrols'), {
        filter: (a: PatrolArgs) => ({ riverId: a.riverId ?? undefined, search: searchArg(a.search) }),
        list: (ctx, q) => listJointPatrols(ctx.source, q),
        loader: (ctx) => ctx.loaders.patrols,
      }),
      enforcementCase: lookupResolver('EnforcementCase', (ctx) => ctx.loaders.cases),
    },
    EnforcementCase: {
      __resolveReference: referenceResolver('EnforcementCase', (ctx) => ctx.loaders.cases),
      enterprise: (c: CaseRecord) => enterpriseRef(c.enterpriseCreditCode),
      station: (c: CaseRecord, _args: unknown, ctx: CityContext) =>
        c.stationId === null ? null : ctx.loaders.stations.load(c.stationId),
      river: (c: CaseRecord) => riverRef(c.riverId),
      jointPartners: (c: CaseRecord) => cityRefs(c.jointPartnerCityCodes),
      ...caseInternalResolvers(), // row access: the bureau's own and its joint partners' officers only
    },
    JointAction: {
      leads: (a: JointActionRecord) => cityRefs(a.leadCityCodes),
      participants: (a: JointActionRecord) => cityRefs(a.participantCityCodes),
      rivers: (a: JointActionRecord) => riverRefs(a.riverIds),
    },
    JointPatrol: {
      __resolveReference: referenceResolver('JointPatrol', (ctx) => ctx.loaders.patrols),
      river: (p: JointPatrolRecord) => riverRef(p.riverId),
      partners: (p: JointPatrolRecord) => cityRefs(p.partnerCityCodes),
      participantsByBureau: (p: JointPatrolRecord) => p.participantsByBureau ?? null,
      route: (p: JointPatrolRecord) => p.route ?? [],
      proposalId: (p: JointPatrolRecord) => p.proposalId ?? null,
      // Only patrols made from a proposal have an audit trail; the bureau's own system keeps its own.
      history: async (p: JointPatrolRecord, _args: unknown, ctx: CityContext) =>
        p.proposalId == null || ctx.cooperation === null ? null : (await ctx.cooperation.history.load(p.id)).map(auditView),
    },
  };
}
