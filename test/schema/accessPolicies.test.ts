import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_SCOPES,
  ACCESS_SCOPE_NAMES,
  readAccessPolicies,
  satisfies,
  withoutAccessDirectives,
} from '../../schema/accessPolicies.ts';
import { ContractError } from '../../schema/shardingPolicies.ts';
import { loadContract } from '../../schema/loadContract.ts';

const header = /* GraphQL */ `
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
`;
/** Uses every catalogued scope once, so only the part a test changes can fail the check. */
const everyScope = /* GraphQL */ `
  type Catalogue { ${ACCESS_SCOPE_NAMES.map((s, i) => `f${i}: Int @requiresScopes(scopes: [["${s}"]])`).join('\n')} }
`;

describe('access policies read from the contract', () => {
  it('reads the rules of the city contract: partners read summaries, scopes open internals and contacts', () => {
    const policies = readAccessPolicies(loadContract());
    expect(policies.types.get('EnforcementCase')).toEqual({ authenticated: true, scopeSets: [[['cases:read']]] });
    expect(policies.types.get('EmergencyResource')).toEqual({ authenticated: true, scopeSets: [[['emergency:read']]] });
    expect(policies.fields.get('EnforcementCase.evidence')).toEqual({ authenticated: true, scopeSets: [[['cases:internal']]] });
    expect(policies.fields.get('EnforcementCase.violationFacts')).toEqual({ authenticated: true, scopeSets: [[['cases:internal']]] });
    expect(policies.fields.get('EnforcementCase.fineYuan')).toEqual({ authenticated: true, scopeSets: [] });
    expect(policies.fields.get('ResourceContact.phone')).toEqual({ authenticated: true, scopeSets: [[['emergency:contacts']]] });
    expect(policies.fields.get('ResourceContact.person')).toEqual({ authenticated: true, scopeSets: [[['emergency:contacts']]] });
    // Public: stations, projects, alarms carry no rule at all.
    for (const type of ['Station', 'Project', 'Alarm', 'Reading', 'Query']) expect(policies.types.has(type)).toBe(false);
    expect([...policies.fields.keys()].filter((k) => /^(Station|Project|Alarm|Query)\./.test(k))).toEqual([]);
  });

  it('catalogues exactly the scopes the contract uses', () => {
    expect([...ACCESS_SCOPE_NAMES].sort()).toEqual([
      'bulletins:receive', 'bulletins:write', 'cases:confirm', 'cases:internal', 'cases:read', 'cases:write', 'emergency:contacts', 'emergency:read', 'incidents:write', 'meetings:act',
      'meetings:write', 'notices:acknowledge', 'patrols:confirm', 'patrols:propose', 'resources:request', 'resources:respond',
    ]);
  });

  it("documents every scope in the README's table exactly as ACCESS_SCOPES says", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| `[a-z]+:[a-z]+` \|/.test(line));
    expect(rows).toEqual(Object.entries(ACCESS_SCOPES).map(([scope, { en }]) => `| \`${scope}\` | ${en} |`));
  });

  it('refuses a contract whose restricted field is non-null (a hidden field comes back null)', () => {
    const contract = parse(`${header}${everyScope} type Case @key(fields: "id") { id: ID! secret: String! @authenticated }`);
    expect(() => readAccessPolicies(contract)).toThrow(ContractError);
    expect(() => readAccessPolicies(contract)).toThrow(/Case\.secret .* must be nullable/);
  });

  it('refuses a non-null field returning a restricted type from an open parent', () => {
    const contract = parse(`${header}${everyScope} type Secret @authenticated { x: Int } type Holder { secret: Secret! }`);
    expect(() => readAccessPolicies(contract)).toThrow(/Holder\.secret .* must be nullable/);
  });

  it('allows a non-null field whose rule its parent type already asks', () => {
    const contract = parse(`${header}${everyScope}
      type Case @requiresScopes(scopes: [["cases:read"]]) { id: ID! fine: Float! @authenticated edge: Edge! }
      type Edge @requiresScopes(scopes: [["cases:read"]]) { node: Case! }`);
    expect(() => readAccessPolicies(contract)).not.toThrow();
  });

  it('refuses a scope that is not catalogued, naming where and what to do', () => {
    const contract = parse(`${header}${everyScope} type T { x: Int @requiresScopes(scopes: [["cases:delete"]]) }`);
    expect(() => readAccessPolicies(contract)).toThrow(/T\.x @requiresScopes names "cases:delete", which is not in ACCESS_SCOPES/);
  });

  it('refuses a catalogued scope that nothing uses', () => {
    const contract = parse(`${header} type T { x: Int @requiresScopes(scopes: [["cases:read"]]) }`);
    expect(() => readAccessPolicies(contract)).toThrow(/ACCESS_SCOPES lists .*emergency:contacts.*which no @requiresScopes/);
  });

  it('refuses a malformed @requiresScopes', () => {
    const contract = parse(`${header}${everyScope} type T { x: Int @requiresScopes(scopes: []) }`);
    expect(() => readAccessPolicies(contract)).toThrow(/T\.x @requiresScopes\(scopes:\) must be a non-empty list/);
  });

  it('decides: public callers pass only open rules; scope sets are alternatives of conjunctions', () => {
    const rule = { authenticated: true, scopeSets: [[['a', 'b'], ['c']]] };
    expect(satisfies(rule, false, new Set(['a', 'b', 'c']))).toBe(false);
    expect(satisfies(rule, true, new Set(['a']))).toBe(false);
    expect(satisfies(rule, true, new Set(['a', 'b']))).toBe(true);
    expect(satisfies(rule, true, new Set(['c']))).toBe(true);
    expect(satisfies({ authenticated: true, scopeSets: [] }, true, new Set())).toBe(true);
    expect(satisfies({ authenticated: true, scopeSets: [] }, false, new Set())).toBe(false);
  });

  it('strips the access directives for composition and leaves everything else', () => {
    const stripped = withoutAccessDirectives(parse(`type T @key(fields: "id") @authenticated { id: ID! x: Int @requiresScopes(scopes: [["a"]]) @shareable }`));
    const type = stripped.definitions[0] as unknown as { directives: Array<{ name: { value: string } }>; fields: Array<{ directives: Array<{ name: { value: string } }> }> };
    expect(type.directives.map((d) => d.name.value)).toEqual(['key']);
    expect(type.fields[1]!.directives.map((d) => d.name.value)).toEqual(['shareable']);
  });
});
