import type { CityRecord, RiverRecord, SectionRecord } from '../kit/model.ts';
import { DateScalar, DateTimeScalar } from '../kit/scalars.ts';
import { pageQuery, toConnection } from '../kit/paging.ts';
import { searchArg } from '../kit/resolvers/arguments.ts';
import type { SortSpec } from '../kit/ports.ts';
import { compensationResolvers } from './compensationResolvers.ts';
import type { RegionContext } from './createRegionLoaders.ts';
import { sectionAssessment } from './sectionAssessment.ts';
import { standardsResolvers } from './standardsResolvers.ts';

/** The registry lists enterprises by credit code: ASCII, unique, and stable across bureaus. */
const ENTERPRISE_SORT: SortSpec = { field: 'creditCode', direction: 'ASC' };

interface EnterpriseArgs {
  readonly cityCode?: string | null;
  readonly search?: string | null;
  readonly positiveListOnly?: boolean | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

const cityOf = (code: string | null, ctx: RegionContext) => (code === null ? null : ctx.loaders.cities.load(code));

/** The reference data's resolvers, with the standards and compensation fields merged in. */
export function regionResolvers() {
  const { Query: reference, ...referenceTypes } = referenceResolvers();
  const { Query: compensation, ...compensationTypes } = compensationResolvers();
  return {
    ...referenceTypes,
    ...compensationTypes,
    Query: { ...reference, ...standardsResolvers().Query, ...compensation },
  } satisfies Record<string, object>;
}

function referenceResolvers() {
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: {
      cities: (_: unknown, _args: unknown, ctx: RegionContext) => ctx.source.cities(),
      city: (_: unknown, args: { code: string }, ctx: RegionContext) => ctx.loaders.cities.load(args.code),
      rivers: (_: unknown, _args: unknown, ctx: RegionContext) => ctx.source.rivers(),
      river: (_: unknown, args: { id: string }, ctx: RegionContext) => ctx.loaders.rivers.load(args.id),
      sections: (_: unknown, args: { riverId?: string | null; crossBorderOnly?: boolean | null }, ctx: RegionContext) =>
        ctx.source.sections({ riverId: args.riverId ?? undefined, crossBorderOnly: args.crossBorderOnly ?? false }),
      enterprise: (_: unknown, args: { creditCode: string }, ctx: RegionContext) => ctx.loaders.enterprises.load(args.creditCode),
      enterprises: async (_: unknown, args: EnterpriseArgs, ctx: RegionContext) => {
        const filter = {
          cityCode: args.cityCode ?? undefined,
          search: searchArg(args.search),
          positiveListOnly: args.positiveListOnly ?? false,
        };
        const query = pageQuery(args, ENTERPRISE_SORT, filter);
        const result = await ctx.source.listEnterprises(query);
        for (const e of result.items) ctx.loaders.enterprises.prime(e.creditCode, e);
        return toConnection(result, query, (e) => e.creditCode);
      },
    },
    City: {
      __resolveReference: (ref: { code: string }, ctx: RegionContext) => ctx.loaders.cities.load(ref.code),
    },
    River: {
      __resolveReference: (ref: { id: string }, ctx: RegionContext) => ctx.loaders.rivers.load(ref.id),
      cities: async (r: RiverRecord, _args: unknown, ctx: RegionContext) =>
        (await ctx.loaders.cities.loadMany(r.cityCodes)).filter((c): c is CityRecord => c !== null && !(c instanceof Error)),
      sections: (r: RiverRecord, _args: unknown, ctx: RegionContext) => ctx.loaders.sectionsByRiver.load(r.id),
    },
    Section: {
      __resolveReference: (ref: { id: string }, ctx: RegionContext) => ctx.loaders.sections.load(ref.id),
      river: (s: SectionRecord, _args: unknown, ctx: RegionContext) => ctx.loaders.rivers.load(s.riverId),
      upstreamCity: (s: SectionRecord, _args: unknown, ctx: RegionContext) => cityOf(s.upstreamCityCode, ctx),
      downstreamCity: (s: SectionRecord, _args: unknown, ctx: RegionContext) => cityOf(s.downstreamCityCode, ctx),
      assessment: sectionAssessment,
    },
    Enterprise: {
      __resolveReference: (ref: { creditCode: string }, ctx: RegionContext) => ctx.loaders.enterprises.load(ref.creditCode),
    },
  } satisfies Record<string, object>;
}
