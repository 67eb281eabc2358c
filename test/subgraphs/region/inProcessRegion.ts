/**
 * The region subgraph in process, over a seeded world: its own store in memory, and the bureaus that
 * run the compensation agreements' stations as real city subgraphs (in-memory sources) behind the
 * real shard engine, which stands in for the gateway's `cities` part. The region reaches them through
 * the same CityData it uses in production, with the HTTP post replaced by the engine call.
 */
import { loadContract } from '../../../schema/loadContract.ts';
import { createShardEngine } from '../../../gateway/shard-engine/index.ts';
import type { ReadingRecord } from '../../../subgraphs/kit/model.ts';
import type { CityData } from '../../../subgraphs/region/CityData.ts';
import { createGatewayCityData } from '../../../subgraphs/region/createGatewayCityData.ts';
import type { GatewayPost } from '../../../subgraphs/region/createGatewayPost.ts';
import { createRegionSubgraph, type RegionSubgraph } from '../../../subgraphs/region/createRegionSubgraph.ts';
import { generateWorld } from '../../../devtools/demo-world/generateWorld.ts';
import { createInMemoryCityFederation, type InMemoryCityFederation } from '../../fixtures/inMemoryCityFederation.ts';
import { openTestRegion } from '../../fixtures/openTestStores.ts';

/** Readings end here, and cover the 400 days before: 2025-10 and 2026-10 both have data. */
export const WORLD_UNTIL = Date.parse('2026-11-01T00:00:00+08:00');
/** The bureaus whose stations the agreements' sections use (光辉 500152; 利泽, 码头 500000). */
export const STATION_BUREAUS = ['500152', '500000'] as const;

export interface InProcessRegion {
  readonly region: RegionSubgraph;
  readonly federation: InMemoryCityFederation;
  /** Every body the region posted to its "gateway". */
  readonly posted: Parameters<GatewayPost>[0][];
  execute(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }>;
  close(): Promise<void>;
}

export async function openInProcessRegion(options: { cityData?: (post: GatewayPost) => CityData } = {}): Promise<InProcessRegion> {
  const world = generateWorld({ seed: 'standards-region', scale: 0.2, until: WORLD_UNTIL, days: 400 });
  const bureaus = Object.fromEntries(STATION_BUREAUS.map((code) => {
    const bureau = world.bureaus[code]!;
    const water = bureau.stations.filter((s) => s.kind === 'WATER_QUALITY');
    const readings: ReadingRecord[] = water.flatMap((s) => [...bureau.readings(s)]);
    return [code, { stations: bureau.stations, readings }];
  }));
  const federation = createInMemoryCityFederation(bureaus);
  const engine = createShardEngine({ contract: loadContract(), cities: [...STATION_BUREAUS] });
  const posted: Parameters<GatewayPost>[0][] = [];
  const post: GatewayPost = async (body) => {
    posted.push(body);
    return engine.execute(body, federation.send);
  };
  const store = await openTestRegion(world.region);
  const region = createRegionSubgraph(store.source, () => {}, (options.cityData ?? createGatewayCityData)(post));
  await region.apollo.start();
  return {
    region,
    federation,
    posted,
    async execute(query, variables) {
      const res = await region.apollo.executeOperation({ query, variables }, { contextValue: region.context() });
      return res.body.kind === 'single' ? (res.body.singleResult as { data?: any; errors?: any[] }) : {};
    },
    async close() {
      await region.apollo.stop();
      await store.source.close();
    },
  };
}
