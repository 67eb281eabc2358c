/**
 * Reads how each root field of the city contract shards, from the contract's own directives
 * (`@cityFanout`, `@citySortWhen`, `@cityRoute`). The bureaus use it to order their lists; the
 * gateway's shard engine uses it to fan out, route and merge. A field without a policy is a
 * contract error, reported at startup.
 */
import { Kind, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';

export type SortDirection = 'ASC' | 'DESC';

export interface SortSpec {
  readonly field: string;
  readonly direction: SortDirection;
}

export type ShardingPolicy =
  | {
      readonly kind: 'fanout';
      readonly merge: 'CONNECTION' | 'LIST';
      readonly sort: SortSpec;
      /** When `argument` is given a (non-null) value, sort by `sort` instead. */
      readonly sortWhen: { readonly argument: string; readonly sort: SortSpec } | null;
    }
  | { readonly kind: 'route'; readonly argument: string; readonly decode: 'CITY_CODE' | 'GLOBAL_ID' };

export class ContractError extends Error {
  override readonly name = 'ContractError';
}

/** Policies by root field name, for `Query` (and `Mutation` when the contract has one). */
export function readShardingPolicies(contract: DocumentNode): ReadonlyMap<string, ShardingPolicy> {
  const policies = new Map<string, ShardingPolicy>();
  for (const def of contract.definitions) {
    if (
      (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      (def.name.value === 'Query' || def.name.value === 'Mutation')
    ) {
      for (const field of def.fields ?? []) policies.set(field.name.value, policyOf(def.name.value, field));
    }
  }
  return policies;
}

function policyOf(typeName: string, field: FieldDefinitionNode): ShardingPolicy {
  const where = `${typeName}.${field.name.value}`;
  const fanout = directive(field, 'cityFanout');
  const route = directive(field, 'cityRoute');
  if (fanout && route) throw new ContractError(`${where} has both @cityFanout and @cityRoute.`);
  if (route) {
    const decode = stringArg(route, 'decode', where) ?? 'CITY_CODE';
    if (decode !== 'CITY_CODE' && decode !== 'GLOBAL_ID') {
      throw new ContractError(`${where} @cityRoute(decode: "${decode}"): expected CITY_CODE or GLOBAL_ID.`);
    }
    const argument = requiredStringArg(route, 'argument', where);
    if (!field.arguments?.some((a) => a.name.value === argument)) {
      throw new ContractError(`${where} @cityRoute names argument "${argument}", which the field does not have.`);
    }
    return { kind: 'route', argument, decode };
  }
  if (fanout) {
    if (typeName === 'Mutation') throw new ContractError(`${where}: mutations must be routed (@cityRoute), never fanned out.`);
    const merge = stringArg(fanout, 'merge', where) ?? 'CONNECTION';
    if (merge !== 'CONNECTION' && merge !== 'LIST') {
      throw new ContractError(`${where} @cityFanout(merge: "${merge}"): expected CONNECTION or LIST.`);
    }
    const sort = parseSort(stringArg(fanout, 'sort', where) ?? 'id ASC', where);
    const when = directive(field, 'citySortWhen');
    const sortWhen = when
      ? { argument: requiredStringArg(when, 'argument', where), sort: parseSort(requiredStringArg(when, 'sort', where), where) }
      : null;
    return { kind: 'fanout', merge, sort, sortWhen };
  }
  throw new ContractError(`${where} has no sharding policy: add @cityFanout or @cityRoute.`);
}

function parseSort(text: string, where: string): SortSpec {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s+(ASC|DESC)\s*$/.exec(text);
  if (!match) throw new ContractError(`${where}: sort "${text}" must be "<field> ASC" or "<field> DESC".`);
  return { field: match[1] as string, direction: match[2] as SortDirection };
}

function directive(field: FieldDefinitionNode, name: string): ConstDirectiveNode | undefined {
  const found = field.directives?.filter((d) => d.name.value === name) ?? [];
  if (found.length > 1) throw new ContractError(`Field ${field.name.value} repeats @${name}.`);
  return found[0];
}

function stringArg(node: ConstDirectiveNode, name: string, where: string): string | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind !== Kind.STRING) throw new ContractError(`${where} @${node.name.value}(${name}:) must be a string.`);
  return arg.value.value;
}

function requiredStringArg(node: ConstDirectiveNode, name: string, where: string): string {
  const value = stringArg(node, name, where);
  if (value === undefined) throw new ContractError(`${where} @${node.name.value} needs "${name}".`);
  return value;
}
