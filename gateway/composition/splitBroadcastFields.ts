/**
 * Moves the fields that every bureau adds to a broadcast entity (one keyed without `cityCode`, e.g.
 * `Enterprise.cases` and `Enterprise.sources`) out of the `cities` virtual subgraph into a virtual
 * subgraph of their own (README.md, "How the gateway joins the bureaus": broadcast entities are asked
 * of every city and merged).
 *
 * Why: the query planner stays inside a subgraph while it can. With these fields in `cities`,
 * `enforcementCases { enterprise { cases } }` is planned as ONE fetch, so each bureau answers
 * `cases` for its own copy of the enterprise and the client gets one bureau's cases, while
 * `enterprise(creditCode) { cases }` (reached through `_entities`) gets every bureau's: two answers
 * for one entity. In a subgraph of their own, the planner always reaches them through `_entities`,
 * which the shard engine broadcasts to every bureau and merges (moveFields.ts).
 */
import type { DocumentNode } from 'graphql';
import { keysOf, moveFields, objectsOf } from './moveFields.ts';

export interface SplitContract {
  /** The contract without the moved fields. */
  readonly cities: DocumentNode;
  /** The moved fields, or null when the contract has no broadcast entity with fields of its own. */
  readonly broadcast: DocumentNode | null;
  /** The moved fields as `Type.field`: every bureau answers them (the cost estimate multiplies them). */
  readonly broadcastFields: ReadonlySet<string>;
}

export function splitBroadcastFields(contract: DocumentNode): SplitContract {
  const objects = objectsOf(contract);
  const fieldsOf = (name: string) => objects.filter((d) => d.name.value === name).flatMap((d) => d.fields ?? []);

  /** Same rule as the shard engine's routing: city-owned when every resolvable key has cityCode. */
  const moved = new Map<string, Set<string>>();
  for (const name of new Set(objects.map((d) => d.name.value))) {
    const keys = keysOf(objects, name).filter((k) => k.resolvable);
    if (keys.length === 0 || keys.every((k) => k.fields.includes('cityCode'))) continue;
    const keyFields = new Set(keys.flatMap((k) => k.fields));
    const own = fieldsOf(name).filter((f) => !keyFields.has(f.name.value)).map((f) => f.name.value);
    if (own.length > 0) moved.set(name, new Set(own));
  }
  const broadcastFields = new Set([...moved].flatMap(([type, fields]) => [...fields].map((field) => `${type}.${field}`)));
  if (moved.size === 0) return { cities: contract, broadcast: null, broadcastFields };
  const { rest, moved: broadcast } = moveFields(contract, moved, 'a field that every bureau adds to a broadcast entity can only return those.');
  return { cities: rest, broadcast, broadcastFields };
}
