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
 * which the shard engine broadcasts to every bureau and merges.
 *
 * The broadcast subgraph declares the broadcast types with their keys and moved fields, and every
 * entity those fields return as a key-only stub (`resolvable: false`), so the planner fetches the
 * rest of those entities from `cities` by key.
 */
import {
  Kind,
  type ConstDirectiveNode, type DefinitionNode, type DocumentNode, type FieldDefinitionNode,
  type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode, type TypeNode,
} from 'graphql';
import { CompositionError } from './CompositionError.ts';

const BUILT_IN_SCALARS = new Set(['ID', 'String', 'Int', 'Float', 'Boolean']);

export interface SplitContract {
  /** The contract without the moved fields. */
  readonly cities: DocumentNode;
  /** The moved fields, or null when the contract has no broadcast entity with fields of its own. */
  readonly broadcast: DocumentNode | null;
  /** The moved fields as `Type.field`: every bureau answers them (the cost estimate multiplies them). */
  readonly broadcastFields: ReadonlySet<string>;
}

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

export function splitBroadcastFields(contract: DocumentNode): SplitContract {
  const objects = contract.definitions.filter(isObject);
  const keysOf = (name: string) => objects.filter((d) => d.name.value === name).flatMap((d) => (d.directives ?? []).flatMap(keyOf));
  const fieldsOf = (name: string) => objects.filter((d) => d.name.value === name).flatMap((d) => d.fields ?? []);

  /** Same rule as the shard engine's routing: city-owned when every resolvable key has cityCode. */
  const moved = new Map<string, Set<string>>();
  for (const name of new Set(objects.map((d) => d.name.value))) {
    const keys = keysOf(name).filter((k) => k.resolvable);
    if (keys.length === 0 || keys.every((k) => k.fields.includes('cityCode'))) continue;
    const keyFields = new Set(keys.flatMap((k) => k.fields));
    const own = fieldsOf(name).filter((f) => !keyFields.has(f.name.value)).map((f) => f.name.value);
    if (own.length > 0) moved.set(name, new Set(own));
  }
  const broadcastFields = new Set([...moved].flatMap(([type, fields]) => [...fields].map((field) => `${type}.${field}`)));
  if (moved.size === 0) return { cities: contract, broadcast: null, broadcastFields };

  const cities: DocumentNode = {
    ...contract,
    definitions: contract.definitions.map((def) => (isObject(def) && moved.has(def.name.value)
      ? { ...def, fields: def.fields?.filter((f) => !moved.get(def.name.value)!.has(f.name.value)) }
      : def)),
  };

  const definitions: DefinitionNode[] = [...contract.definitions.filter((d) => d.kind === Kind.SCHEMA_EXTENSION || d.kind === Kind.SCHEMA_DEFINITION)];
  const added = new Set<string>();
  for (const [name, fields] of moved) {
    const key = keysOf(name).find((k) => k.resolvable)!;
    const declared = fieldsOf(name).filter((f) => key.fields.includes(f.name.value) || fields.has(f.name.value));
    definitions.push(objectType(name, key.directive, declared));
    for (const field of declared.filter((f) => fields.has(f.name.value))) {
      for (const type of [field.type, ...(field.arguments ?? []).map((a) => a.type)]) {
        const named = namedType(type);
        if (BUILT_IN_SCALARS.has(named) || moved.has(named) || added.has(named)) continue;
        const stubKey = keysOf(named)[0];
        const copied = contract.definitions.find((d) => (d.kind === Kind.SCALAR_TYPE_DEFINITION || d.kind === Kind.ENUM_TYPE_DEFINITION) && d.name.value === named);
        if (stubKey) {
          definitions.push(objectType(named, stubDirective(stubKey.directive), fieldsOf(named).filter((f) => stubKey.fields.includes(f.name.value))));
        } else if (copied) {
          definitions.push(copied);
        } else {
          throw new CompositionError(`${name}.${field.name.value} uses ${named}, which is neither an entity, a scalar nor an enum: ` +
            'a field that every bureau adds to a broadcast entity can only return those.');
        }
        added.add(named);
      }
    }
  }
  return { cities, broadcast: { kind: Kind.DOCUMENT, definitions }, broadcastFields };
}

function isObject(def: DefinitionNode): def is ObjectNode {
  return def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION;
}

function keyOf(directive: ConstDirectiveNode): Array<{ fields: string[]; resolvable: boolean; directive: ConstDirectiveNode }> {
  if (directive.name.value !== 'key') return [];
  const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
  const resolvable = directive.arguments?.find((a) => a.name.value === 'resolvable')?.value;
  if (fields?.kind !== Kind.STRING) return [];
  return [{
    fields: fields.value.split(/[\s,{}]+/).filter(Boolean),
    resolvable: !(resolvable?.kind === Kind.BOOLEAN && !resolvable.value),
    directive,
  }];
}

/** The same key, not resolvable here: the broadcast subgraph only refers to the entity. */
function stubDirective(key: ConstDirectiveNode): ConstDirectiveNode {
  const fields = key.arguments?.filter((a) => a.name.value === 'fields') ?? [];
  return {
    ...key,
    arguments: [...fields, { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'resolvable' }, value: { kind: Kind.BOOLEAN, value: false } }],
  };
}

function objectType(name: string, key: ConstDirectiveNode, fields: readonly FieldDefinitionNode[]): ObjectTypeDefinitionNode {
  return {
    kind: Kind.OBJECT_TYPE_DEFINITION,
    name: { kind: Kind.NAME, value: name },
    directives: [key],
    fields,
  };
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
