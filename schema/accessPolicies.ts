/**
 * Who may read what, read from the contract's own Federation directives (`@authenticated`,
 * `@requiresScopes`) the way shardingPolicies.ts reads `@city*`. The gateway enforces these rules
 * (gateway/access/analyzeAccess.ts); `npm run token` and the README take the scope list from here.
 *
 * A rule on a type applies to every field returning that type and to every field of that type; a
 * rule on a field adds to it. Stock @apollo/gateway refuses a supergraph that carries these
 * (`for: SECURITY` features it does not enforce), so the supergraph is composed without them
 * (withoutAccessDirectives) and the gateway enforces them from here instead.
 */
import {
  Kind,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type TypeNode,
} from 'graphql';
import { ContractError } from './shardingPolicies.ts';

/**
 * Every scope a caller's token may carry, and what it opens (one source of truth for the README,
 * `npm run token` and the contract check: a scope the contract uses must be listed here, and a
 * listed scope must be used by the contract).
 */
export const ACCESS_SCOPES = Object.freeze({
  'cases:read': {
    zh: '执法案件摘要（enforcementCases、enforcementCase、Enterprise.cases，含处罚信息）与联合巡河（jointPatrols）。',
    en: 'Enforcement case summaries (enforcementCases, enforcementCase, Enterprise.cases, penalties included) and joint patrols (jointPatrols).',
  },
  'cases:internal': {
    zh: '执法案件的内部材料：违法事实（violationFacts）与证据（evidence）。',
    en: "An enforcement case's internal material: the facts of the violation (violationFacts) and the evidence.",
  },
  'emergency:read': {
    zh: '应急资源：物资、装备、队伍与专家（emergencyResources、emergencyResource），不含联系人姓名与电话；专家以专业标注，不显示姓名。',
    en: "Emergency resources: materials, equipment, teams and experts (emergencyResources, emergencyResource), without contacts' names and phones; an expert is named by speciality, never by the person's name.",
  },
  'emergency:contacts': {
    zh: '应急资源联系人的姓名与电话（ResourceContact.person / phone）。',
    en: 'Names and phone numbers of emergency-resource contacts: team leaders, experts, depot keepers (ResourceContact.person / phone).',
  },
  'incidents:write': {
    zh: '报告突发环境事件并续报、报处理结果（reportIncident、addIncidentReport），仅限令牌所属局。',
    en: "Report environmental incidents and add follow-up and final reports (reportIncident, addIncidentReport), for the token's own bureau only.",
  },
  'notices:acknowledge': {
    zh: '签收本局收件箱中的事件通报（acknowledgeNotice），仅限令牌所属局。',
    en: "Acknowledge incident notices in the token's own bureau's inbox (acknowledgeNotice).",
  },
  'bulletins:write': {
    zh: '发送应急信息（sendBulletin），仅限令牌所属局。',
    en: "Send bulletins to other bureaus (sendBulletin), for the token's own bureau only.",
  },
  'bulletins:receive': {
    zh: '将本局收件箱中的应急信息标为已阅（markBulletinRead），仅限令牌所属局。',
    en: "Mark bulletins in the token's own bureau's inbox read (markBulletinRead).",
  },
  'resources:request': {
    zh: '向其他局提出应急资源调用请求（requestResources），仅限令牌所属局；所请求的资源须经 emergency:read 可见（请求局以调用者身份向被请求局核实）。',
    en: "Ask other bureaus for emergency resources (requestResources), for the token's own bureau only; with emergency:read too, since the requesting bureau checks each resource at the responder as the caller.",
  },
  'resources:respond': {
    zh: '答复本局收到的应急资源调用请求并报告调出、归还（answerResourceRequest、updateResourceRequest），仅限令牌所属局。',
    en: "Answer resource requests the token's own bureau received and report dispatch and return (answerResourceRequest, updateResourceRequest).",
  },
  'meetings:write': {
    zh: '记录本局召集的联席会议与会商并交办督办事项（recordJointMeeting），仅限令牌所属局。',
    en: "Record joint meetings and consultations the token's own bureau convened, with their action items (recordJointMeeting).",
  },
  'meetings:act': {
    zh: '报告交办给本局的督办事项进展（updateActionItem），仅限令牌所属局。',
    en: "Report progress on action items assigned to the token's own bureau (updateActionItem).",
  },
  'patrols:propose': {
    zh: '向其他局提议联合巡河并记录巡河结果（proposeJointPatrol、recordJointPatrolFindings），仅限令牌所属局。',
    en: "Propose joint patrols to other bureaus and record their outcome (proposeJointPatrol, recordJointPatrolFindings), for the token's own bureau only.",
  },
  'patrols:confirm': {
    zh: '确认或谢绝参加本局收到的联合巡河提议（confirmJointPatrol），仅限令牌所属局。',
    en: "Confirm or decline participation in joint patrols proposed to the token's own bureau (confirmJointPatrol).",
  },
  'cases:write': {
    zh: '向其他局提议联合执法案件并关联本局立案的案件（proposeJointCase、linkJointCase），仅限令牌所属局。',
    en: "Propose joint enforcement cases to other bureaus and link the case filed (proposeJointCase, linkJointCase), for the token's own bureau only.",
  },
  'cases:confirm': {
    zh: '确认或谢绝参加本局收到的联合执法案件提议（confirmJointCase），仅限令牌所属局。',
    en: "Confirm or decline participation in joint enforcement cases proposed to the token's own bureau (confirmJointCase).",
  },
} as const);

export type AccessScope = keyof typeof ACCESS_SCOPES;

export const ACCESS_SCOPE_NAMES: readonly string[] = Object.freeze(Object.keys(ACCESS_SCOPES));

/** What a type or field needs. Every entry of `scopeSets` must hold: one of its alternatives (an AND of scopes) in full. */
export interface AccessRule {
  readonly authenticated: boolean;
  /** One entry per `@requiresScopes`: its alternatives, each a set of scopes that must all be present. */
  readonly scopeSets: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>>;
}

export const OPEN: AccessRule = Object.freeze({ authenticated: false, scopeSets: Object.freeze([]) });

export interface AccessPolicies {
  /** Rules on object and interface types, by type name. */
  readonly types: ReadonlyMap<string, AccessRule>;
  /** Rules on fields, by coordinate `Type.field`. */
  readonly fields: ReadonlyMap<string, AccessRule>;
}

const ACCESS_DIRECTIVES = new Set(['authenticated', 'requiresScopes']);

/** Reads the rules and checks them: known scopes only, and every field a rule can hide is nullable. */
export function readAccessPolicies(contract: DocumentNode): AccessPolicies {
  const types = new Map<string, AccessRule>();
  const fields = new Map<string, AccessRule>();
  const definitions = new Map<string, FieldDefinitionNode[]>();
  for (const def of contract.definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) continue;
    const typeName = def.name.value;
    const typeRule = ruleOf(def.directives ?? [], typeName);
    if (typeRule !== OPEN) types.set(typeName, combine(types.get(typeName) ?? OPEN, typeRule));
    const list = definitions.get(typeName) ?? [];
    definitions.set(typeName, list);
    for (const field of def.fields ?? []) {
      list.push(field);
      const coordinate = `${typeName}.${field.name.value}`;
      const rule = ruleOf(field.directives ?? [], coordinate);
      if (rule !== OPEN) fields.set(coordinate, rule);
    }
  }
  const policies: AccessPolicies = { types, fields };
  checkScopesAreKnown(policies);
  checkHideableFieldsAreNullable(policies, definitions);
  return policies;
}

/** The rule a field needs, on top of its parent type's: its own, and the rule of the type it returns. */
export function fieldRule(policies: AccessPolicies, parentType: string, field: string, returnType: string): AccessRule {
  return combine(policies.fields.get(`${parentType}.${field}`) ?? OPEN, policies.types.get(returnType) ?? OPEN);
}

export function combine(a: AccessRule, b: AccessRule): AccessRule {
  if (b === OPEN) return a;
  if (a === OPEN) return b;
  return { authenticated: a.authenticated || b.authenticated, scopeSets: [...a.scopeSets, ...b.scopeSets] };
}

/** True when a caller holding `scopes` (authenticated or not) satisfies the rule. */
export function satisfies(rule: AccessRule, authenticated: boolean, scopes: ReadonlySet<string>): boolean {
  if (rule === OPEN) return true;
  // @requiresScopes implies a token: a public caller has no scopes to show.
  if (!authenticated) return !rule.authenticated && rule.scopeSets.length === 0;
  return rule.scopeSets.every((alternatives) => alternatives.some((all) => all.every((s) => scopes.has(s))));
}

/** True when everyone who satisfies `outer` also satisfies `inner` (so `inner` can never hide anything there). */
export function implies(outer: AccessRule, inner: AccessRule): boolean {
  if (inner.authenticated && !outer.authenticated && outer.scopeSets.length === 0) return false;
  const held = new Set(outer.scopeSets.map((set) => key(set)));
  return inner.scopeSets.every((set) => held.has(key(set)));
}

/** The contract without access directives: what is composed into the supergraph (see the module comment). */
export function withoutAccessDirectives(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    Directive: (node) => (ACCESS_DIRECTIVES.has(node.name.value) ? null : undefined),
  });
}

function ruleOf(directives: readonly ConstDirectiveNode[], where: string): AccessRule {
  let rule = OPEN;
  for (const d of directives) {
    if (d.name.value === 'authenticated') rule = combine(rule, { authenticated: true, scopeSets: [] });
    if (d.name.value === 'requiresScopes') rule = combine(rule, { authenticated: true, scopeSets: [readScopes(d, where)] });
  }
  return rule;
}

function readScopes(d: ConstDirectiveNode, where: string): string[][] {
  const arg = d.arguments?.find((a) => a.name.value === 'scopes');
  const bad = () => new ContractError(`${where} @requiresScopes(scopes:) must be a non-empty list of non-empty lists of scope names.`);
  if (!arg || arg.value.kind !== Kind.LIST || arg.value.values.length === 0) throw bad();
  return arg.value.values.map((alternative) => {
    if (alternative.kind !== Kind.LIST || alternative.values.length === 0) throw bad();
    return alternative.values.map((scope) => {
      if (scope.kind !== Kind.STRING) throw bad();
      return scope.value;
    });
  });
}

function checkScopesAreKnown(policies: AccessPolicies): void {
  const used = new Set<string>();
  for (const [where, rule] of [...policies.types, ...policies.fields]) {
    for (const scope of rule.scopeSets.flat(2)) {
      if (!Object.hasOwn(ACCESS_SCOPES, scope)) {
        throw new ContractError(`${where} @requiresScopes names "${scope}", which is not in ACCESS_SCOPES (schema/accessPolicies.ts): add it there with what it opens.`);
      }
      used.add(scope);
    }
  }
  const unused = ACCESS_SCOPE_NAMES.filter((scope) => !used.has(scope));
  if (unused.length > 0) throw new ContractError(`ACCESS_SCOPES lists ${unused.join(', ')}, which no @requiresScopes in the contract uses.`);
}

/**
 * The gateway answers a field the caller may not read with null, so such a field must be nullable:
 * a non-null one would null its parent too, taking allowed data with it. A field can be hidden
 * wherever its rule asks more than its parent type's rule already did.
 */
function checkHideableFieldsAreNullable(policies: AccessPolicies, definitions: ReadonlyMap<string, readonly FieldDefinitionNode[]>): void {
  for (const [typeName, fields] of definitions) {
    const parentRule = policies.types.get(typeName) ?? OPEN;
    for (const field of fields) {
      const rule = fieldRule(policies, typeName, field.name.value, namedType(field.type));
      if (field.type.kind === Kind.NON_NULL_TYPE && !implies(parentRule, rule)) {
        throw new ContractError(
          `${typeName}.${field.name.value} can be hidden by @authenticated/@requiresScopes (its own or its type's), so it must be nullable: ` +
          `a hidden field comes back null.`,
        );
      }
    }
  }
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function key(set: ReadonlyArray<ReadonlyArray<string>>): string {
  return JSON.stringify(set.map((all) => [...all].sort()).sort());
}
