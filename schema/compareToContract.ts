/**
 * Checks a served subgraph SDL against a contract, definition by definition (not as one string):
 * type extensions are merged into their type, field and value order is ignored, and descriptions
 * compare by text (block or quoted). Reports each definition that is missing, extra, or different,
 * with the first member that differs, so an operator sees what drifted. Pass both in the same form
 * (see expandSubgraphSdl); extra federation machinery (`_Any`, `link__*`, `@federation__*` …) that
 * another @apollo/subgraph version may add is not counted as drift.
 */
import { Kind, print, visit, type ASTNode, type DefinitionNode, type DocumentNode } from 'graphql';

export interface ContractDifference {
  /** Type or directive name (`@cityFanout`), or `schema`. */
  readonly definition: string;
  readonly problem: string;
}

const FEDERATION_MACHINERY = /^(@?(link|federation|join|connect)__|_|@link$|@key$|@shareable$|@inaccessible$|@tag$|@external$|@requires$|@provides$|@extends$|@override$|@composeDirective$|@interfaceObject$|@authenticated$|@requiresScopes$|@policy$|@context$|@fromContext$|@cost$|@listSize$)/;

export function compareToContract(contract: DocumentNode, served: DocumentNode): ContractDifference[] {
  const expected = normalise(contract);
  const actual = normalise(served);
  const differences: ContractDifference[] = [];
  for (const [name, members] of expected) {
    const other = actual.get(name);
    if (!other) {
      differences.push({ definition: name, problem: 'missing from the served schema' });
      continue;
    }
    const changed = [...new Set([...members.keys(), ...other.keys()])].find((key) => members.get(key) !== other.get(key));
    if (changed !== undefined) {
      const problem = !other.has(changed) ? `lacks ${changed}` : !members.has(changed) ? `adds ${changed}` : `differs at ${changed}`;
      differences.push({ definition: name, problem });
    }
  }
  for (const name of actual.keys()) {
    if (!expected.has(name) && !FEDERATION_MACHINERY.test(name)) differences.push({ definition: name, problem: 'not in the contract' });
  }
  return differences;
}

/** name → (member key → printed member); the type's own header is the member key '(definition)'. */
function normalise(doc: DocumentNode): Map<string, Map<string, string>> {
  const plain = visit(doc, {
    // Block and quoted descriptions print differently but mean the same.
    StringValue: (node) => ({ ...node, block: false }),
  }) as DocumentNode;
  const out = new Map<string, Map<string, string>>();
  for (const def of plain.definitions) {
    const name = nameOf(def);
    if (name === null) continue;
    const members = out.get(name) ?? new Map<string, string>();
    out.set(name, members);
    for (const [key, value] of membersOf(def)) members.set(key, value);
  }
  return out;
}

function nameOf(def: DefinitionNode): string | null {
  if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) return 'schema';
  if (def.kind === Kind.DIRECTIVE_DEFINITION) return `@${def.name.value}`;
  return 'name' in def && def.name ? def.name.value : null;
}

function membersOf(def: DefinitionNode): Array<[string, string]> {
  const members: Array<[string, string]> = [];
  const list = (key: string, nodes: readonly ASTNode[] | undefined) => {
    for (const node of nodes ?? []) members.push([`${key} ${print(node).split(/[(:\s]/)[0]}`, print(node)]);
  };
  switch (def.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.OBJECT_TYPE_EXTENSION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_EXTENSION:
      members.push(...headerOf(def));
      for (const i of def.interfaces ?? []) members.push([`implements ${i.name.value}`, i.name.value]);
      for (const f of def.fields ?? []) members.push([`field ${f.name.value}`, print(f)]);
      break;
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_EXTENSION:
      members.push(...headerOf(def));
      for (const f of def.fields ?? []) members.push([`field ${f.name.value}`, print(f)]);
      break;
    case Kind.ENUM_TYPE_DEFINITION:
    case Kind.ENUM_TYPE_EXTENSION:
      members.push(...headerOf(def));
      for (const v of def.values ?? []) members.push([`value ${v.name.value}`, print(v)]);
      break;
    case Kind.UNION_TYPE_DEFINITION:
    case Kind.UNION_TYPE_EXTENSION:
      members.push(...headerOf(def));
      for (const t of def.types ?? []) members.push([`member ${t.name.value}`, t.name.value]);
      break;
    case Kind.SCALAR_TYPE_DEFINITION:
    case Kind.SCALAR_TYPE_EXTENSION:
      members.push(...headerOf(def));
      break;
    case Kind.SCHEMA_DEFINITION:
    case Kind.SCHEMA_EXTENSION:
      list('directive', def.directives);
      list('operation', def.operationTypes);
      break;
    case Kind.DIRECTIVE_DEFINITION:
      members.push(['(definition)', print(def)]);
      break;
    default:
      break;
  }
  return members;
}

/** Description and applied directives (@key …) of a type; the kind, so `type X` ≠ `interface X`. */
function headerOf(def: DefinitionNode): Array<[string, string]> {
  const header: Array<[string, string]> = [['kind', def.kind.replace('Extension', 'Definition')]];
  if ('description' in def && def.description) header.push(['description', def.description.value]);
  for (const d of ('directives' in def ? def.directives : undefined) ?? []) header.push([`@${d.name.value} ${print(d)}`, print(d)]);
  return header;
}
