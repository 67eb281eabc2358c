/**
 * The situation board's operations on the gateway's public graph (POST /graphql), and the shapes of
 * their answers. Every field is public: the board works without a token. Pure (no DOM, no I/O).
 */

export type WaterClass = 'I' | 'II' | 'III' | 'IV' | 'V' | 'WORSE_THAN_V';
export type StationKind = 'WATER_QUALITY' | 'AIR_QUALITY' | 'POLLUTION_SOURCE';

export interface GeoPoint {
  readonly longitude: number;
  readonly latitude: number;
}
export interface BoardCity {
  readonly code: string;
  readonly name: string;
  readonly bureauName: string;
  readonly location: GeoPoint;
}
export interface BoardSection {
  readonly id: string;
  readonly name: string;
  readonly river: { readonly name: string };
  readonly targetClass: WaterClass;
  readonly location: GeoPoint;
  readonly upstreamCity: { readonly code: string; readonly name: string; readonly location: GeoPoint } | null;
  readonly downstreamCity: { readonly code: string; readonly name: string; readonly location: GeoPoint } | null;
  readonly assessment: { readonly period: string; readonly waterClass: WaterClass; readonly descriptor: string; readonly meetsTarget: boolean } | null;
}
export interface BoardStation {
  readonly id: string;
  readonly cityCode: string;
  readonly name: string;
  readonly kind: StationKind;
  readonly location: GeoPoint;
  readonly latest: { readonly time: string } | null;
  readonly waterQuality: { readonly waterClass: WaterClass } | null;
  readonly aqi: { readonly result: { readonly aqi: number; readonly category: string; readonly color: string } } | null;
}

/** The bureaus and the cross-border sections with last month's assessment (as the IDE's first tab). */
export const REGION_QUERY = `query BoardRegion($period: String!) {
  cities { code name bureauName location { longitude latitude } }
  sections(crossBorderOnly: true) {
    id name river { name } targetClass location { longitude latitude }
    upstreamCity { code name location { longitude latitude } }
    downstreamCity { code name location { longitude latitude } }
    assessment(period: $period) { period waterClass descriptor meetsTarget }
  }
}`;
export interface RegionAnswer {
  readonly cities: readonly BoardCity[];
  readonly sections: readonly BoardSection[];
}

/** One page of stations with their latest class (water, last 30 days) or real-time AQI (air). */
export const STATIONS_QUERY = `query BoardStations($after: String) {
  stations(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id cityCode name kind location { longitude latitude }
      latest { time }
      waterQuality { waterClass }
      aqi { result { aqi category color } }
    } }
  }
}`;
export interface StationsAnswer {
  readonly stations: {
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: ReadonlyArray<{ readonly node: BoardStation }>;
  };
}
