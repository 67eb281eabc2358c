/**
 * Field access over a real federation (the region, every bureau, the gateway process): a matrix of
 * roles × restricted fields × bureaus. Every cell asserts both sides: a field the role may not read
 * comes back null with UNAUTHENTICATED (no token) or FORBIDDEN (token without the scope) at its
 * path, and a field the role may read comes back with data. Public data is served to every role.
 * Tokens are signed by the test run's development issuer, as `npm run token` signs them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBureauCodes } from '../../../subgraphs/config/listBureauCodes.ts';
import { callerToken } from '../../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../../fixtures/gatewayFederation.ts';
import { postGraphQL, type GraphQLAnswer } from '../../fixtures/startSubgraphProcess.ts';

let federation: GatewayFederation;
/** Every bureau of this checkout: the matrix's third axis. */
const BUREAU_CODES = listBureauCodes();

type Scope = 'cases:read' | 'cases:internal' | 'emergency:read' | 'emergency:contacts';
interface Role {
  readonly name: string;
  /** null = no token at all (the public role). */
  readonly scopes: readonly Scope[] | null;
}

const ROLES: readonly Role[] = [
  { name: 'public', scopes: null },
  { name: 'partner without scopes', scopes: [] },
  { name: 'case reader', scopes: ['cases:read'] },
  { name: 'case officer (cases:internal)', scopes: ['cases:read', 'cases:internal'] },
  { name: 'emergency reader', scopes: ['emergency:read'] },
  { name: 'emergency contacts (emergency:contacts)', scopes: ['emergency:read', 'emergency:contacts'] },
];

/** What one bureau holds that the cells ask for, found with a token that may read everything. */
interface BureauFixtures {
  readonly caseId: string; // global id
  readonly caseNumber: string;
  readonly resourceId: string; // global id
  readonly creditCode: string; // an enterprise with a case of this bureau
  readonly phone: string;
  readonly person: string;
}

const fixtures = new Map<string, BureauFixtures>();
/** Every token the suite sent, to prove none reaches the logs. */
const tokensSent: string[] = [];

/** A token for the role, as an officer of `bureau` (row access at the bureau shows case internals to its own officers). */
async function headersFor(role: Role, bureau: string): Promise<Record<string, string>> {
  if (role.scopes === null) return {};
  const token = await callerToken({ sub: `matrix-${bureau}`, bureau, scope: role.scopes.join(' ') });
  tokensSent.push(token);
  return { authorization: `Bearer ${token}` };
}

const ask = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
  postGraphQL(federation.gateway.url, query, variables, headers);

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: BUREAU_CODES });
  const everything: Role = { name: 'all', scopes: ['cases:read', 'cases:internal', 'emergency:read', 'emergency:contacts'] };
  for (const code of federation.codes) {
    const answer = await ask(`query($codes: [ID!]) {
      enforcementCases(cityCodes: $codes, first: 100) { edges { node { id caseNumber evidence { type } enterprise { creditCode } } } }
      emergencyResources(cityCodes: $codes, first: 100) { edges { node { id contact { person phone } } } } }`,
    { codes: [code] }, await headersFor(everything, code));
    expect(answer.errors, code).toBeUndefined();
    const cases = answer.data!['enforcementCases'].edges.map((e: any) => e.node);
    const withEvidence = cases.find((c: any) => c.evidence?.length > 0);
    const resource = answer.data!['emergencyResources'].edges.map((e: any) => e.node).find((r: any) => r.contact?.phone);
    expect(withEvidence, `${code} has a case with evidence`).toBeDefined();
    expect(resource, `${code} has a resource with a contact`).toBeDefined();
    fixtures.set(code, {
      caseId: withEvidence.id,
      caseNumber: withEvidence.caseNumber,
      resourceId: resource.id,
      creditCode: withEvidence.enterprise.creditCode,
      phone: resource.contact.phone,
      person: resource.contact.person,
    });
  }
}, 300_000); // six bureaus and the region on a machine shared with other suites

afterAll(async () => {
  await federation?.stop();
});

/**
 * A restricted field: the operation that reads it for one bureau, the scopes it needs (beyond a
 * token), the paths where it lands, and how to tell its value is real data.
 */
interface Cell {
  readonly name: string;
  readonly needs: readonly Scope[];
  readonly query: string;
  readonly variables: (code: string, f: BureauFixtures) => Record<string, unknown>;
  /** The value(s) at the field's path(s) in `data`; and the path the error must name. */
  readonly read: (data: Record<string, any>) => { value: unknown; errorPath: ReadonlyArray<string | number> };
  readonly isData: (value: any, f: BureauFixtures) => boolean;
}

const CELLS: readonly Cell[] = [
  {
    name: 'enforcementCases (fan-out)', needs: ['cases:read'],
    query: 'query($codes: [ID!]) { enforcementCases(cityCodes: $codes, first: 5) { totalCount edges { node { caseNumber } } } }',
    variables: (code) => ({ codes: [code] }),
    read: (d) => ({ value: d['enforcementCases'], errorPath: ['enforcementCases'] }),
    isData: (v) => v?.totalCount > 0 && v.edges.length > 0,
  },
  {
    name: 'node(id) of a case', needs: ['cases:read'],
    query: 'query($id: ID!) { node(id: $id) { ... on EnforcementCase { caseNumber } } }',
    variables: (_code, f) => ({ id: f.caseId }),
    read: (d) => ({ value: d['node']?.['caseNumber'], errorPath: ['node', 'caseNumber'] }),
    isData: (v, f) => v === f.caseNumber,
  },
  {
    name: 'Enterprise.cases (through the region)', needs: ['cases:read'],
    query: 'query($credit: ID!) { enterprise(creditCode: $credit) { name cases { caseNumber } } }',
    variables: (_code, f) => ({ credit: f.creditCode }),
    read: (d) => ({ value: d['enterprise']?.['cases'], errorPath: ['enterprise', 'cases'] }),
    isData: (v, f) => Array.isArray(v) && v.some((c: any) => c.caseNumber === f.caseNumber),
  },
  {
    name: 'jointPatrols', needs: ['cases:read'],
    query: 'query($codes: [ID!]) { jointPatrols(cityCodes: $codes, first: 1) { totalCount } }',
    variables: (code) => ({ codes: [code] }),
    read: (d) => ({ value: d['jointPatrols'], errorPath: ['jointPatrols'] }),
    isData: (v) => typeof v?.totalCount === 'number',
  },
  {
    name: 'EnforcementCase.evidence', needs: ['cases:read', 'cases:internal'],
    query: 'query($id: ID!) { node(id: $id) { ... on EnforcementCase { evidence { type reference } } } }',
    variables: (_code, f) => ({ id: f.caseId }),
    read: (d) => ({ value: d['node']?.['evidence'], errorPath: ['node', 'evidence'] }),
    isData: (v) => Array.isArray(v) && v.length > 0,
  },
  {
    name: 'EnforcementCase.violationFacts', needs: ['cases:read', 'cases:internal'],
    query: 'query($id: ID!) { node(id: $id) { ... on EnforcementCase { violationFacts } } }',
    variables: (_code, f) => ({ id: f.caseId }),
    read: (d) => ({ value: d['node']?.['violationFacts'], errorPath: ['node', 'violationFacts'] }),
    isData: (v) => typeof v === 'string' && v.length > 0,
  },
  {
    name: 'emergencyResources (fan-out)', needs: ['emergency:read'],
    query: 'query($codes: [ID!]) { emergencyResources(cityCodes: $codes, first: 5) { totalCount edges { node { name } } } }',
    variables: (code) => ({ codes: [code] }),
    read: (d) => ({ value: d['emergencyResources'], errorPath: ['emergencyResources'] }),
    isData: (v) => v?.totalCount > 0,
  },
  {
    name: 'ResourceContact.phone', needs: ['emergency:read', 'emergency:contacts'],
    query: 'query($id: ID!) { node(id: $id) { ... on EmergencyResource { name contact { phone } } } }',
    variables: (_code, f) => ({ id: f.resourceId }),
    read: (d) => ({ value: d['node']?.['contact']?.['phone'], errorPath: ['node', 'contact', 'phone'] }),
    isData: (v, f) => v === f.phone,
  },
  {
    name: 'ResourceContact.person', needs: ['emergency:read', 'emergency:contacts'],
    query: 'query($id: ID!) { node(id: $id) { ... on EmergencyResource { contact { person } } } }',
    variables: (_code, f) => ({ id: f.resourceId }),
    read: (d) => ({ value: d['node']?.['contact']?.['person'], errorPath: ['node', 'contact', 'person'] }),
    isData: (v, f) => v === f.person,
  },
];

function mayRead(role: Role, cell: Cell): boolean {
  return role.scopes !== null && cell.needs.every((scope) => role.scopes!.includes(scope));
}

/** The errors of an answer that are about access (field access at the gateway, row access at a bureau). */
const accessErrors = (answer: GraphQLAnswer) =>
  (answer.errors ?? []).filter((e) => e.extensions?.['code'] === 'UNAUTHENTICATED' || e.extensions?.['code'] === 'FORBIDDEN');

// Every cell is a real request through the gateway to a bureau; the machine is shared with other suites.
describe('field access matrix: roles × restricted fields × bureaus', { timeout: 120_000 }, () => {
  for (const role of ROLES) {
    describe(role.name, () => {
      it.each(BUREAU_CODES)('reads exactly what its scopes open in bureau %s, and nothing else', async (code) => {
        const f = fixtures.get(code)!;
        const headers = await headersFor(role, code);
        const answers = await Promise.all(CELLS.map((cell) => ask(cell.query, cell.variables(code, f), headers)));
        CELLS.forEach((cell, i) => {
          const answer = answers[i]!;
          const where = `${role.name} × ${cell.name} × ${code}`;
          const { value, errorPath } = cell.read(answer.data ?? {});
          if (mayRead(role, cell)) {
            expect(cell.isData(value, f), `${where}: allowed read returns data, got ${JSON.stringify(value)} ${JSON.stringify(answer.errors)}`).toBe(true);
            expect(accessErrors(answer), where).toEqual([]);
            return;
          }
          expect(value ?? null, `${where}: unauthorized read returned a value`).toBeNull();
          const expectedCode = role.scopes === null ? 'UNAUTHENTICATED' : 'FORBIDDEN';
          const error = accessErrors(answer).find((e) => JSON.stringify(e.path) === JSON.stringify(errorPath) ||
            // A cut parent (the whole contact, the whole case) is reported at the parent's path.
            JSON.stringify(errorPath).startsWith(JSON.stringify(e.path).slice(0, -1)));
          expect(error, `${where}: an access error at ${errorPath.join('.')}, got ${JSON.stringify(answer.errors)}`).toBeDefined();
          expect(error!.extensions!['code'], where).toBe(expectedCode);
          // No secret of this bureau anywhere in the answer.
          expect(JSON.stringify(answer), where).not.toContain(f.phone);
        });
      });
    });
  }
});

describe('around the matrix', { timeout: 120_000 }, () => {
  it('serves public data to every role, with the restricted part of the same operation nulled', async () => {
    const code = federation.codes[0]!;
    for (const role of ROLES) {
      const answer = await ask(`query($codes: [ID!]) {
        stations(cityCodes: $codes, first: 2) { totalCount edges { node { name latest { time } } } }
        projects(cityCodes: $codes, first: 2) { totalCount }
        alarms(cityCodes: $codes, first: 2) { totalCount }
        sections { name }
        enforcementCases(cityCodes: $codes, first: 1) { totalCount } }`, { codes: [code] }, await headersFor(role, code));
      const data = answer.data!;
      expect(data['stations'].totalCount, role.name).toBeGreaterThan(0);
      expect(typeof data['projects'].totalCount, role.name).toBe('number');
      expect(typeof data['alarms'].totalCount, role.name).toBe('number');
      expect(data['sections'].length, role.name).toBeGreaterThan(0);
      if (role.scopes?.includes('cases:read')) expect(data['enforcementCases'].totalCount, role.name).toBeGreaterThan(0);
      else expect(data['enforcementCases'], role.name).toBeNull();
    }
  });

  it('masks interface fields of a protected runtime type: node(id) { id } of a case for the public role', async () => {
    const f = fixtures.get(federation.codes[0]!)!;
    const answer = await ask('query($id: ID!) { node(id: $id) { __typename id } }', { id: f.caseId }, {});
    expect(answer.data?.['node']).toEqual({ __typename: 'EnforcementCase', id: null });
    expect(answer.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([[['node', 'id'], 'UNAUTHENTICATED']]);
  });

  it('never writes a token, a phone number or a contact name to the gateway log', async () => {
    const output = await federation.gateway.settledOutput();
    expect(output.length).toBeGreaterThan(0);
    expect(tokensSent.length).toBeGreaterThan(0);
    for (const token of tokensSent) expect(output.includes(token.split('.')[2]!), 'a token signature is in the log').toBe(false);
    for (const f of fixtures.values()) {
      expect(output.includes(f.phone), 'a phone number is in the log').toBe(false);
      expect(output.includes(f.person), 'a contact name is in the log').toBe(false);
    }
  });
});

// After the log check above: this one sends contacts' names as search terms.
describe('an expert is a resource, the person a contact', { timeout: 120_000 }, () => {
  const RESOURCES = `query($codes: [ID!], $search: String) {
    emergencyResources(cityCodes: $codes, search: $search, first: 100) { totalCount edges { node { id kind name contact { person } } } } }`;

  it.each(BUREAU_CODES)('shows emergency:read neither an expert\'s name nor a search hit on it in bureau %s', async (code) => {
    const all = await ask(RESOURCES, { codes: [code] }, await headersFor(ROLES.at(-1)!, code));
    const nodes = all.data!['emergencyResources'].edges.map((e: any) => e.node);
    const experts = nodes.filter((r: any) => r.kind === 'EXPERT');
    expect(experts.length, `${code} has experts on its roster`).toBeGreaterThan(0);
    const persons = new Set<string>(nodes.map((r: any) => r.contact?.person).filter(Boolean));

    const reader = await headersFor({ name: 'emergency reader', scopes: ['emergency:read'] }, code);
    const read = await ask(RESOURCES.replace(' contact { person }', ''), { codes: [code] }, reader);
    const names: string[] = read.data!['emergencyResources'].edges.map((e: any) => e.node.name);
    expect(names.filter((name) => persons.has(name))).toEqual([]);
    for (const expert of experts) {
      const found = await ask(RESOURCES.replace(' contact { person }', ''), { codes: [code], search: expert.contact.person }, reader);
      expect(found.data!['emergencyResources'].totalCount, `search "${expert.contact.person}"`).toBe(0);
    }
  });
});
