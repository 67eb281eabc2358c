/**
 * The region's CityData over the gateway: one operation per batch, one aliased `station(cityCode,
 * id) { waterQuality(from, to) { means } }` per request. Why the gateway rather than each bureau
 * directly: the gateway already knows which bureaus are served and where (the region would need a
 * copy of the registry), routes by the station's cityCode, applies per-bureau deadlines and circuit
 * breakers, and is the one place that carries the caller's identity and jurisdiction to the
 * bureaus. Errors are read per alias, so one failing bureau fails only its own stations; a bureau the
 * caller may not read (FORBIDDEN: the call carries the caller's identity, see createGatewayPost.ts)
 * stays FORBIDDEN for its stations, and the others are assessed as usual.
 */
import { formatCst } from '../kit/scalars.ts';
import type { CityData, StationMean, StationMeans, StationMeansRequest } from './CityData.ts';
import { CityDataError } from './CityDataError.ts';
import type { GatewayPost, GatewayRequest, GatewayResponse } from './createGatewayPost.ts';

/**
 * Stations per gateway call: each is an aliased root field, and the gateway refuses an operation
 * with more than ECOGRAPH_MAX_ROOT_FIELDS (default 10) root fields (TOO_MANY_ROOT_FIELDS).
 */
const BATCH = 10;

const MEANS = 'means { code name unit value count }';

export function createGatewayCityData(post: GatewayPost): CityData {
  return {
    async stationMeans(requests, gatewayToken) {
      const out: Array<StationMeans | CityDataError> = [];
      for (let start = 0; start < requests.length; start += BATCH) {
        out.push(...(await batch((body) => post(body, gatewayToken), requests.slice(start, start + BATCH))));
      }
      return out;
    },
  };
}

async function batch(post: (body: GatewayRequest) => Promise<GatewayResponse>, requests: readonly StationMeansRequest[]): Promise<Array<StationMeans | CityDataError>> {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const fields = requests.map((r, i) => {
    Object.assign(variables, { [`c${i}`]: r.cityCode, [`i${i}`]: r.stationId, [`f${i}`]: formatCst(r.from), [`t${i}`]: formatCst(r.to) });
    definitions.push(`$c${i}: ID!, $i${i}: ID!, $f${i}: DateTime!, $t${i}: DateTime!`);
    return `s${i}: station(cityCode: $c${i}, id: $i${i}) { waterQuality(from: $f${i}, to: $t${i}) { ${MEANS} } }`;
  });
  const query = `query RegionStationMeans(${definitions.join(', ')}) { ${fields.join(' ')} }`;
  let response: GatewayResponse;
  try {
    response = await post({ query, variables, operationName: 'RegionStationMeans' });
  } catch (error) {
    const failure = error instanceof CityDataError ? error : new CityDataError('GATEWAY_FAILED', 'The call to the gateway failed.');
    return requests.map(() => failure);
  }
  return requests.map((r, i) => answer(response, `s${i}`, r));
}

function answer(response: GatewayResponse, alias: string, request: StationMeansRequest): StationMeans | CityDataError {
  const errors = response.errors ?? [];
  const own = errors.find((e) => e.path?.[0] === alias);
  const general = errors.find((e) => !e.path || e.path.length === 0);
  if (own || (general && !response.data)) {
    const error = own ?? general;
    const code = typeof error?.extensions?.['code'] === 'string' ? (error.extensions['code'] as string) : null;
    if (own && code === 'FORBIDDEN') {
      // The caller may not read this bureau (outside its jurisdiction): its refusal, not a failure.
      const reason = typeof own.extensions?.['reason'] === 'string' ? (own.extensions['reason'] as string) : null;
      return new CityDataError('FORBIDDEN',
        `The caller may not read the readings of station ${request.stationId} of bureau ${request.cityCode}: ${own.message ?? 'forbidden'}`,
        request.cityCode, code, reason);
    }
    return new CityDataError(own ? 'CITY_FAILED' : 'GATEWAY_FAILED',
      `Bureau ${request.cityCode} could not give the readings of station ${request.stationId}: ${error?.message ?? 'unknown error'}`,
      request.cityCode, code);
  }
  const station = response.data?.[alias] as { waterQuality?: { means?: StationMean[] } | null } | null | undefined;
  if (!station) {
    return new CityDataError('STATION_NOT_FOUND', `Bureau ${request.cityCode} has no station ${request.stationId}.`, request.cityCode);
  }
  return station.waterQuality?.means ?? null;
}
