import type { CityContext } from '../CityContext.ts';

interface EnterpriseRef {
  readonly creditCode: string;
}

/** Enterprise is owned by the region; a bureau only adds its own cases and pollution sources to it. */
export function enterpriseResolvers() {
  return {
    Enterprise: {
      __resolveReference: (ref: EnterpriseRef) => ({ creditCode: ref.creditCode }),
      cases: (e: EnterpriseRef, _args: unknown, ctx: CityContext) => ctx.loaders.casesByEnterprise.load(e.creditCode),
      sources: async (e: EnterpriseRef, _args: unknown, ctx: CityContext) => {
        const stations = await ctx.loaders.stationsByEnterprise.load(e.creditCode);
        for (const s of stations) ctx.loaders.stations.prime(s.id, s);
        return stations;
      },
    },
  };
}
