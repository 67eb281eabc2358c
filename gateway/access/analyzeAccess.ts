/**
 * Field access, decided before anything is fetched: walks the operation over the API schema
 * (through fragments, inline fragments and abstract types), and for every field the caller may not
 * read (schema/accessPolicies.ts) records a removal. A field no possible runtime type lets the
 * caller read is cut from the document, so it is never fetched; a field some runtime types allow
 * (e.g. `node(id) { id }`, where the id may be a case) stays, and the response is masked for the
 * types that do not (applyAccessRemovals). Pure: the same inputs give the same analysis, so it is
 * cached per (document, operation, caller's access profile).
 */
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { combine, OPEN, satisfies, type AccessPolicies, type AccessRule } from '../../schema/accessPolicies.ts';

/** Response key of the `__typename` the analysis adds where it needs an object's runtime type (stripped again before the response leaves). */
export const ACCESS_TYPENAME_KEY = '_ecographAccessTypename';

export interface AccessStep {
  readonly key: string;
  /** The runtime types the object holding `key` must have for the step to apply; null = any. */
  readonly types: ReadonlySet<string> | null;
}

export interface AccessRemoval {
  /** Response keys from the root to the removed field (the last step); lists on the way are walked. */
  readonly steps: readonly AccessStep[];
  /** Schema coordinate of the field, e.g. `EnforcementCase.evidence`. */
  readonly field: string;
  readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  /** For FORBIDDEN: the scope sets that would open the field (each an AND; any one set). */
  readonly requiredScopes: ReadonlyArray<ReadonlyArray<string>>;
  /** The selection and its enclosing fragments: their @skip/@include decide whether the field was asked for. */
  readonly conditions: readonly SelectionNode[];
}

export interface AccessAnalysis {
  /** The document to execute: the original one when nothing is removed; null when nothing is left to run. */
  readonly document: DocumentNode | null;
  readonly changed: boolean;
  readonly removals: readonly AccessRemoval[];
  /** Whether ACCESS_TYPENAME_KEY was added anywhere. */
  readonly addsTypename: boolean;
}

export interface AccessCaller {
  readonly authenticated: boolean;
  readonly scopes: ReadonlySet<string>;
}

export function analyzeAccess(
  document: DocumentNode,
  schema: GraphQLSchema,
  policies: AccessPolicies,
  caller: AccessCaller,
  operationName?: string | null,
): AccessAnalysis {
  const operation = selectOperation(document, operationName);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new TypeError(`The schema has no ${operation.operation} type.`);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  const walk = new AccessWalk(schema, policies, caller, fragments);
  const root = new Set([rootType.name]);
  const selections = walk.selectionSet(operation.selectionSet, rootType, root, [], [], { possible: root, needsTypename: false });
  if (walk.removals.length === 0) return { document, changed: false, removals: [], addsTypename: false };
  const filtered: DocumentNode | null = selections.length === 0
    ? null
    : {
        kind: Kind.DOCUMENT,
        // Fragments are inlined, so the filtered operation stands alone.
        definitions: [{ ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections } }],
      };
  return { document: filtered, changed: true, removals: walk.removals, addsTypename: walk.addsTypename };
}

function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const found = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  // Apollo Server has validated the document and picked the operation before the executor runs.
  if (!found) throw new TypeError(`No operation ${operationName ?? '(unnamed)'} in the document.`);
  return found;
}

interface Level {
  /** The runtime types the object can have before any fragment narrows them: a step narrower than this needs the typename. */
  readonly possible: ReadonlySet<string>;
  needsTypename: boolean;
}

class AccessWalk {
  readonly removals: AccessRemoval[] = [];
  addsTypename = false;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly policies: AccessPolicies,
    private readonly caller: AccessCaller,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  /**
   * The selections of one object that the caller keeps. `possible` = the runtime types the object
   * can have here (narrowed by enclosing fragments); `path` = the steps to this object;
   * `conditions` = the enclosing fragments at this level; `level` is shared by every fragment of
   * the same object, so the typename goes once into the object's own selection set.
   */
  selectionSet(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    possible: ReadonlySet<string>,
    path: readonly AccessStep[],
    conditions: readonly SelectionNode[],
    level: Level,
  ): SelectionNode[] {
    const kept: SelectionNode[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = this.field(selection, parent, possible, path, conditions, level);
        if (field) kept.push(field);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.inline(selection.name.value, selection.directives);
      const typeCondition = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : parent;
      if (!typeCondition || !('name' in typeCondition)) continue;
      const condition = typeCondition as GraphQLCompositeType;
      const narrowed = new Set(this.possibleTypes(condition).filter((t) => possible.has(t)));
      if (narrowed.size === 0) continue; // can never apply here
      const inner = this.selectionSet(fragment.selectionSet, condition, narrowed, path, [...conditions, selection], level);
      if (inner.length > 0) kept.push({ ...fragment, selectionSet: { kind: Kind.SELECTION_SET, selections: inner } } satisfies InlineFragmentNode);
    }
    return kept;
  }

  private field(
    node: FieldNode,
    parent: GraphQLCompositeType,
    possible: ReadonlySet<string>,
    path: readonly AccessStep[],
    conditions: readonly SelectionNode[],
    level: Level,
  ): FieldNode | null {
    const name = node.name.value;
    if (name.startsWith('__')) return node; // __typename, and introspection (the schema is public documentation)
    const definition = 'getFields' in parent ? parent.getFields()[name] : undefined;
    if (!definition) return node; // validation has passed, so this does not happen; nothing to protect if it did
    const key = node.alias?.value ?? name;
    const returnType = getNamedType(definition.type);
    const interfaceRule = isAbstractType(parent) ? this.policies.fields.get(`${parent.name}.${name}`) ?? OPEN : OPEN;

    // Decide per runtime type: a rule on the object type, on its field, on the interface field, on the returned type.
    const denied = new Map<string, AccessRule>();
    for (const typeName of possible) {
      const rule = [
        this.policies.types.get(typeName),
        this.policies.fields.get(`${typeName}.${name}`),
        interfaceRule,
        this.policies.types.get(returnType.name),
      ].reduce<AccessRule>((all, r) => (r ? combine(all, r) : all), OPEN);
      if (!satisfies(rule, this.caller.authenticated, this.caller.scopes)) denied.set(typeName, rule);
    }
    const guard = [...level.possible].every((t) => possible.has(t)) ? null : possible;
    if (denied.size > 0) {
      const all = denied.size === possible.size;
      const types = all ? guard : new Set(denied.keys());
      if (types !== null) {
        level.needsTypename = true;
      }
      const [firstType, firstRule] = [...denied][0]!;
      this.removals.push({
        steps: [...path, { key, types }],
        field: `${isObjectType(parent) ? parent.name : firstType}.${name}`,
        code: this.caller.authenticated ? 'FORBIDDEN' : 'UNAUTHENTICATED',
        // Only what the caller lacks: the rules it already meets (e.g. cases:read) are not news to it.
        requiredScopes: firstRule.scopeSets
          .filter((alternatives) => !alternatives.some((all) => all.every((s) => this.caller.scopes.has(s))))
          .flat(1),
        conditions: [...conditions, node],
      });
      if (all) return null; // never fetched
    }
    if (!node.selectionSet) return node;
    const childType = returnType as GraphQLCompositeType;
    const childLevel: Level = { possible: new Set(this.possibleTypes(childType)), needsTypename: false };
    const removalsBefore = this.removals.length;
    const child = this.selectionSet(node.selectionSet, childType, childLevel.possible, [...path, { key, types: guard }], [], childLevel);
    // A removal below a guarded step needs this object's runtime type too.
    if (guard !== null && this.removals.length > removalsBefore) level.needsTypename = true;
    if (childLevel.needsTypename || child.length === 0) {
      // The runtime type is needed to apply a guarded removal; an emptied selection needs something to select.
      child.unshift(TYPENAME_FIELD);
      this.addsTypename = true;
    }
    return { ...node, selectionSet: { kind: Kind.SELECTION_SET, selections: child } };
  }

  private inline(name: string, directives: InlineFragmentNode['directives']): InlineFragmentNode {
    const fragment = this.fragments.get(name);
    if (!fragment) throw new TypeError(`Unknown fragment ${name}.`); // validation has passed
    return { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives, selectionSet: fragment.selectionSet };
  }

  private possibleTypes(type: GraphQLCompositeType): string[] {
    return isAbstractType(type) ? this.schema.getPossibleTypes(type).map((t) => t.name) : [type.name];
  }
}

const TYPENAME_FIELD: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: ACCESS_TYPENAME_KEY },
  name: { kind: Kind.NAME, value: '__typename' },
};
