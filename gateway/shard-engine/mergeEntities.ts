/**
 * `_entities` answers written back in the ORIGINAL representation order (Apollo Federation subgraph
 * spec: "the results must be in the same order as the representations"; the gateway checks the
 * length and merges by index). A bureau answered its own share, so every answer and every error
 * path `[key, i, …]` is moved from the bureau's index to the original one, and copied to each slot
 * that carried the same representation. A missing bureau leaves its slots null with a
 * CITY_UNAVAILABLE error each; an unknown city leaves its slot null with UNKNOWN_CITY, a bureau
 * outside the caller's jurisdiction with FORBIDDEN.
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import { cityError } from './cityError.ts';
import { cityUnavailableError } from './cityUnavailableError.ts';
import type { CityPart } from './CityPart.ts';
import { cloneJson } from './cloneJson.ts';
import type { ErrorSink } from './ErrorSink.ts';
import { forbiddenCityError } from './forbiddenCityError.ts';
import { mergeBroadcastValues, remapBroadcastPath } from './mergeBroadcastValues.ts';
import type { EntitiesPlan } from './planEntities.ts';

export function mergeEntities(key: string, plan: EntitiesPlan, parts: readonly CityPart[], errors: ErrorSink): unknown[] {
  const { uniques, sent } = plan;
  const partOf = new Map(parts.map((part) => [part.city, part]));
  /** Per bureau, unique representation → its index in that bureau's answer. */
  const positionOf = new Map([...sent].map(([city, ids]) => [city, new Map(ids.map((id, position) => [id, position]))]));
  const answerOf = (city: string, unique: number): unknown => {
    const part = partOf.get(city);
    const list = part?.kind === 'ok' && Array.isArray(part.value) ? part.value : [];
    return list[positionOf.get(city)?.get(unique) ?? -1] ?? null;
  };
  const eachSlot = (unique: number, error: (slot: number) => GraphQLFormattedError) => {
    for (const slot of uniques[unique]?.slots ?? []) errors.push(error(slot));
  };
  const missing = (city: string, unique: number) => {
    const part = partOf.get(city);
    if (part?.kind === 'failed') eachSlot(unique, (slot) => cityUnavailableError(city, part.reason, [key, slot]));
    return part?.kind !== 'ok';
  };
  const offsets = new Map<number, ReadonlyMap<string, number>>();

  const values = uniques.map(({ route }, unique) => {
    switch (route.kind) {
      case 'city':
        return missing(route.city, unique) ? null : answerOf(route.city, unique);
      case 'broadcast': {
        const answers = [...sent.keys()].filter((city) => !missing(city, unique)).map((city) => ({ city, value: answerOf(city, unique) }));
        const merged = mergeBroadcastValues(answers);
        offsets.set(unique, merged.offsets);
        return merged.value;
      }
      case 'unknown-city':
        eachSlot(unique, (slot) => ERRORS.UNKNOWN_CITY.err(
          `The representation's cityCode ${route.city === null ? 'is missing' : `"${route.city.slice(0, 32)}" names no served bureau`}.`,
          { path: [key, slot], extensions: { city: route.city } },
        ).toJSON());
        return null;
      case 'forbidden':
        eachSlot(unique, (slot) => forbiddenCityError(route.city, [key, slot]));
        return null;
      default:
        return route satisfies never;
    }
  });

  for (const part of parts) {
    if (part.kind !== 'ok') continue;
    for (const error of part.errors) {
      const position = error.path?.[1];
      const unique = typeof position === 'number' ? sent.get(part.city)?.[position] : undefined;
      if (unique === undefined || !error.path) {
        errors.push(cityError(error, part.city, [key]));
        continue;
      }
      const routeOffsets = offsets.get(unique);
      const rest = routeOffsets ? remapBroadcastPath(error.path.slice(2), part.city, routeOffsets) : error.path.slice(2);
      eachSlot(unique, (slot) => cityError(error, part.city, [key, slot, ...rest]));
    }
  }

  const placed = new Set<number>();
  return plan.slots.map((unique) => {
    const value = values[unique] ?? null;
    if (!placed.has(unique)) {
      placed.add(unique);
      return value;
    }
    return cloneJson(value);
  });
}
