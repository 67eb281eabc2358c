import { ERRORS } from '../../../schema/errors.ts';
import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import type { GeoPoint, ResourceCategory } from '../model.ts';
import type { ResourceFilter } from '../ports.ts';
import { searchArg } from './arguments.ts';
import { listResolver, type ListArgs } from './listResolver.ts';
import { lookupResolver, referenceResolver } from './lookupResolvers.ts';

/** Default and largest search radius around `near`; 500 km spans the whole circle. */
export const DEFAULT_RADIUS_KM = 50;
export const MAX_RADIUS_KM = 500;

interface ResourceArgs extends ListArgs {
  readonly category?: ResourceCategory | null;
  readonly near?: GeoPoint | null;
  readonly radiusKm?: number | null;
  readonly search?: string | null;
}

function resourceFilter(args: ResourceArgs): ResourceFilter {
  const { near, radiusKm } = args;
  if (!near) {
    if (radiusKm != null) throw ERRORS.BAD_USER_INPUT.err('radiusKm needs near.', { extensions: { argument: 'radiusKm' } });
    return { category: args.category ?? undefined, search: searchArg(args.search) };
  }
  if (!(Math.abs(near.longitude) <= 180 && Math.abs(near.latitude) <= 90)) {
    throw ERRORS.BAD_USER_INPUT.err('near must have longitude in [-180, 180] and latitude in [-90, 90].', {
      extensions: { argument: 'near' },
    });
  }
  const radius = radiusKm ?? DEFAULT_RADIUS_KM;
  if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
    throw ERRORS.BAD_USER_INPUT.err(`radiusKm must be above 0 and at most ${MAX_RADIUS_KM}.`, { extensions: { argument: 'radiusKm' } });
  }
  return { category: args.category ?? undefined, near: { point: near, radiusKm: radius }, search: searchArg(args.search) };
}

export function emergencyResolvers(policies: ReadonlyMap<string, ShardingPolicy>) {
  return {
    Query: {
      emergencyResources: listResolver(policies.get('emergencyResources'), {
        filter: resourceFilter,
        list: (ctx, q) => ctx.source.emergency.listResources(q),
        loader: (ctx) => ctx.loaders.resources,
      }),
      emergencyResource: lookupResolver('EmergencyResource', (ctx) => ctx.loaders.resources),
    },
    EmergencyResource: {
      __resolveReference: referenceResolver('EmergencyResource', (ctx) => ctx.loaders.resources),
    },
  };
}
