/**
 * A static estimate of the work an operation asks of the bureaus, before it is planned: every
 * field costs 1; a paged field (one with a `first` argument) multiplies its sub-selection by its
 * page size (the argument, else the field's default, capped at the contract's MAX_PAGE_SIZE), and
 * the list directly inside it (`edges`) adds nothing more; any other list of objects multiplies
 * its sub-selection by `listSize`; a field that fans out multiplies its whole cost by the number of
 * bureaus it reaches: a `@cityFanout` root field reaches `citiesReached` (the served bureaus the
 * caller's jurisdiction allows) ∩ its `cityCodes` argument, a broadcast entity field
 * (`Enterprise.cases`) every bureau in `citiesReached`. Introspection is answered by the gateway
 * from memory: each of its fields costs 1, unmultiplied.
 *
 * Pure, and linear in the document: fragments are costed once per context and reused. It expects a
 * validated document (every field exists, no fragment cycle); on anything else it still ends.
 */
import {
  OperationTypeNode,
  getNamedType, getNullableType, getOperationAST, isCompositeType, isInterfaceType, isListType, isObjectType, Kind,
  type DocumentNode, type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import type { ShardingPolicy } from '../../schema/shardingPolicies.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/paging.ts';
import { argumentValue, readCityCodes, withVariableDefaults } from '../shard-engine/index.ts';
import { fragmentsOf } from './foldSelections.ts';

export interface CostOptions {
  /** Which operation of the document runs (as the request names it); null = the only one. */
  readonly operationName?: string | null;
  /** The request's variables, uncoerced (as sent). */
  readonly variables?: Readonly<Record<string, unknown>> | null;
  /** Assumed length of a list that has no page size (e.g. `Station.readings`). @default 10 */
  readonly listSize?: number;
  /** Fields every bureau answers for one entity, as `Type.field` (see splitBroadcastFields). */
  readonly broadcastFields?: ReadonlySet<string>;
}

/** The operation's estimated cost; 0 when the document has no such operation. */
export function estimateCost(
  document: DocumentNode,
  schema: GraphQLSchema,
  policies: ReadonlyMap<string, ShardingPolicy>,
  citiesReached: ReadonlySet<string>,
  options: CostOptions = {},
): number {
  const operation = getOperationAST(document, options.operationName ?? null);
  const rootType = operation && rootTypeOf(schema, operation);
  if (!operation || !rootType) return 0;
  const variables = withVariableDefaults(operation.variableDefinitions ?? [], options.variables ?? {});
  const listSize = options.listSize ?? 10;
  const broadcast = options.broadcastFields ?? new Set<string>();
  const fragments = fragmentsOf(document);
  const memo = new Map<string, number>();
  const walking = new Set<string>();

  const bureausOf = (parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, node: FieldNode) => {
    if (parent === rootType && policies.get(field.name)?.kind === 'fanout') {
      const named = readCityCodes(argumentValue(node, 'cityCodes', variables));
      return named ? [...citiesReached].filter((code) => named.has(code)).length : citiesReached.size;
    }
    return broadcast.has(`${parent.name}.${field.name}`) ? citiesReached.size : 1;
  };

  /** `inPage`: this set is the selection of a paged field, whose page size already counts its list. */
  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType, inPage: boolean, flat: boolean): number => {
    let total = 0;
    for (const selection of set.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          const name = selection.name.value;
          if (name === '__schema' || name === '__type') {
            const type = schema.getType(name === '__schema' ? '__Schema' : '__Type');
            total += 1 + (selection.selectionSet && type ? costOf(selection.selectionSet, type, false, true) : 0);
            break;
          }
          const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
          if (!field || !selection.selectionSet) {
            total += 1; // a leaf, __typename, or a field validation would refuse
            break;
          }
          const paged = !flat && field.args.some((a) => a.name === 'first');
          const inner = costOf(selection.selectionSet, getNamedType(field.type), paged, flat);
          let multiplier = 1;
          if (paged) multiplier = pageSize(field, selection, variables);
          else if (!flat && !inPage && isListType(getNullableType(field.type))) multiplier = listSize;
          const own = 1 + multiplier * inner;
          total += flat ? own : own * Math.max(1, bureausOf(parent, field, selection));
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
          total += costOf(selection.selectionSet, condition && isCompositeType(condition) ? condition : parent, inPage, flat);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const key = `${name}:${inPage}:${flat}`;
          const known = memo.get(key);
          if (known !== undefined) {
            total += known;
            break;
          }
          const def = fragments.get(name);
          const condition = def && schema.getType(def.typeCondition.name.value);
          if (!def || !condition || walking.has(name)) break;
          walking.add(name);
          const value = costOf(def.selectionSet, condition, inPage, flat);
          walking.delete(name);
          memo.set(key, value);
          total += value;
          break;
        }
      }
    }
    return total;
  };

  return costOf(operation.selectionSet, rootType, false, false);
}

function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Readonly<Record<string, unknown>>): number {
  const given = argumentValue(node, 'first', variables);
  const fallback = field.args.find((a) => a.name === 'first')?.defaultValue;
  const value = typeof given === 'number' ? given : typeof fallback === 'number' ? fallback : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(0, Math.trunc(value)), MAX_PAGE_SIZE);
}

function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  switch (operation.operation) {
    case OperationTypeNode.QUERY: return schema.getQueryType();
    case OperationTypeNode.MUTATION: return schema.getMutationType();
    case OperationTypeNode.SUBSCRIPTION: return schema.getSubscriptionType();
  }
}

