/**
 * What the engine needs to know about the city contract, read once at start: the sharding policies
 * (from `schema/shardingPolicies.ts`), every type's fields, interfaces and entity keys, and the
 * fan-out connections' shapes. Contract mistakes throw a ContractError here, at startup.
 */
import {
  Kind, parse, print,
  type ConstDirectiveNode, type ConstValueNode, type DefinitionNode, type DocumentNode, type TypeNode,
} from 'graphql';
import { readShardingPolicies, type ShardingPolicy } from '../../schema/shardingPolicies.ts';
import { readConnections, type ConnectionInfo } from './readConnections.ts';
import type { TypeInfo } from './TypeInfo.ts';

export interface ContractIndex {
  readonly policies: ReadonlyMap<string, ShardingPolicy>;
  readonly types: ReadonlyMap<string, TypeInfo>;
  /** Fan-out connections (`@cityFanout(merge: "CONNECTION")`) by root field name. */
  readonly connections: ReadonlyMap<string, ConnectionInfo>;
  /** The contract as SDL, for `_service { sdl }`. */
  readonly sdl: string;
}

export function indexContract(contract: DocumentNode): ContractIndex {
  const policies = readShardingPolicies(contract);
  const types = new Map<string, TypeInfo>();
  for (const def of contract.definitions) addType(types, def);
  return { policies, types, connections: readConnections(policies, types), sdl: print(contract) };
}

function addType(types: Map<string, TypeInfo>, def: DefinitionNode): void {
  switch (def.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.OBJECT_TYPE_EXTENSION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_EXTENSION: {
      const info = typeInfo(types, def.name.value);
      for (const field of def.fields ?? []) {
        const argumentDefaults = new Map<string, ConstValueNode>();
        for (const arg of field.arguments ?? []) if (arg.defaultValue) argumentDefaults.set(arg.name.value, arg.defaultValue);
        info.fields.set(field.name.value, { type: namedType(field.type), argumentDefaults });
      }
      for (const iface of def.interfaces ?? []) info.supertypes.add(iface.name.value);
      for (const directive of def.directives ?? []) {
        const key = keyFields(directive);
        if (key) info.keys.push(key);
      }
      return;
    }
    case Kind.UNION_TYPE_DEFINITION:
    case Kind.UNION_TYPE_EXTENSION:
      typeInfo(types, def.name.value);
      for (const member of def.types ?? []) typeInfo(types, member.name.value).supertypes.add(def.name.value);
      return;
    default:
      return;
  }
}

function typeInfo(types: Map<string, TypeInfo>, name: string): TypeInfo {
  let info = types.get(name);
  if (!info) types.set(name, (info = { name, fields: new Map(), supertypes: new Set(), keys: [] }));
  return info;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Federation `@key(fields: "cityCode id")` → ['cityCode', 'id']; null for other directives or `resolvable: false`. */
function keyFields(directive: ConstDirectiveNode): string[] | null {
  if (directive.name.value !== 'key') return null;
  const resolvable = directive.arguments?.find((a) => a.name.value === 'resolvable');
  if (resolvable?.value.kind === Kind.BOOLEAN && !resolvable.value.value) return null;
  const fields = directive.arguments?.find((a) => a.name.value === 'fields');
  if (fields?.value.kind !== Kind.STRING) return null;
  const selection = parse(`{${fields.value.value}}`, { noLocation: true }).definitions[0];
  if (selection?.kind !== Kind.OPERATION_DEFINITION) return null;
  return selection.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}
