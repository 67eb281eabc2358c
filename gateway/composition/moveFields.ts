/**
 * Moves some fields of the city contract's entities out of the `cities` virtual subgraph into a virtual
 * subgraph of their own, so that Apollo's query planner reaches them only through `_entities` (it stays
 * inside a subgraph while it can): the shard engine then routes each entity by its own key. Used for the
 * fields every bureau adds to a broadcast entity (splitBroadcastFields.ts) and for the fields whose
 * entity lives in another bureau (splitCityReferences.ts).
 *
 * The new subgraph declares each owning type with its resolvable key and the moved fields, and every
 * entity those fields return (or take as an argument) as a key-only stub (`resolvable: false`), so the
 * planner fetches the rest of those entities from `cities` by key.
 */
import {
  Kind,
  type ConstDirectiveNode, type DefinitionNode, type DocumentNode, type FieldDefinitionNode,
  type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode, type TypeNode,
} from 'graphql';
import { CompositionError } from './CompositionError.ts';

const BUILT_IN_SCALARS = new Set(['ID', 'String', 'Int', 'Float', 'Boolean']);

export type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

export interface EntityKey {
  readonly fields: readonly string[];
  readonly resolvable: boolean;
  readonly directive: ConstDirectiveNode;
}

export interface MovedFields {
  /** The contract without the moved fields. */
  readonly rest: DocumentNode;
  /** The moved fields' subgraph. */
  readonly moved: DocumentNode;
}

/** The object type definitions and extensions of a document. */
export function objectsOf(document: DocumentNode): ObjectNode[] {
  return document.definitions.filter(isObject);
}

/** The `@key`s of `name` across its definition and extensions. */
export function keysOf(objects: readonly ObjectNode[], name: string): EntityKey[] {
  return objects.filter((d) => d.name.value === name).flatMap((d) => (d.directives ?? []).flatMap(keyOf));
}

/**
 * `moved`: type name → names of its fields to move; every type must have a resolvable key. `what` ends
 * the error for a field returning something that is neither an entity, a scalar nor an enum.
 */
export function moveFields(contract: DocumentNode, moved: ReadonlyMap<string, ReadonlySet<string>>, what: string): MovedFields {
  const objects = objectsOf(contract);
  const fieldsOf = (name: string) => objects.filter((d) => d.name.value === name).flatMap((d) => d.fields ?? []);
  const rest: DocumentNode = {
    ...contract,
    definitions: contract.definitions.map((def) => (isObject(def) && moved.has(def.name.value)
      ? { ...def, fields: def.fields?.filter((f) => !moved.get(def.name.value)!.has(f.name.value)) }
      : def)),
  };

  const definitions: DefinitionNode[] = [...contract.definitions.filter((d) => d.kind === Kind.SCHEMA_EXTENSION || d.kind === Kind.SCHEMA_DEFINITION)];
  const added = new Set<string>();
  for (const [name, fields] of moved) {
    const key = keysOf(objects, name).find((k) => k.resolvable);
    if (key === undefined) throw new CompositionError(`${name} has no resolvable @key, so its fields cannot be reached through _entities.`);
    const declared = fieldsOf(name).filter((f) => key.fields.includes(f.name.value) || fields.has(f.name.value));
    definitions.push(objectType(name, key.directive, declared));
    for (const field of declared.filter((f) => fields.has(f.name.value))) {
      for (const type of [field.type, ...(field.arguments ?? []).map((a) => a.type)]) {
        const named = namedType(type);
        if (BUILT_IN_SCALARS.has(named) || moved.has(named) || added.has(named)) continue;
        const stubKey = keysOf(objects, named)[0];
        const copied = contract.definitions.find((d) => (d.kind === Kind.SCALAR_TYPE_DEFINITION || d.kind === Kind.ENUM_TYPE_DEFINITION) && d.name.value === named);
        if (stubKey) {
          definitions.push(objectType(named, stubDirective(stubKey.directive), fieldsOf(named).filter((f) => stubKey.fields.includes(f.name.value))));
        } else if (copied) {
          definitions.push(copied);
        } else {
          throw new CompositionError(`${name}.${field.name.value} uses ${named}, which is neither an entity, a scalar nor an enum: ${what}`);
        }
        added.add(named);
      }
    }
  }
  return { rest, moved: { kind: Kind.DOCUMENT, definitions } };
}

function isObject(def: DefinitionNode): def is ObjectNode {
  return def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION;
}

function keyOf(directive: ConstDirectiveNode): EntityKey[] {
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

/** The same key, not resolvable here: the moved fields' subgraph only refers to the entity. */
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
