/**
 * How a bureau asks the gateway whether a responder has resources: `node(id)` per resource, at most 10
 * root fields per query, the request's gateway token as the credential; each answer read as found,
 * missing or forbidden, anything else RECIPIENTS_UNAVAILABLE. The gateway is an undici MockAgent.
 */
import { GraphQLError } from 'graphql';
import { getGlobalDispatcher, MockAgent, setGlobalDispatcher, type Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../../schema/globalId.ts';
import { createResourceDirectory } from '../../../../subgraphs/kit/cooperation/createResourceDirectory.ts';

const LINK = { url: 'http://gateway.test/graphql', timeoutMs: 1_000 };
const TONGNAN = '500152';
const ids = Array.from({ length: 12 }, (_, i) => encodeGlobalId('EmergencyResource', TONGNAN, `r-${i}`));

let agent: MockAgent;
let previous: Dispatcher;
beforeEach(() => {
  previous = getGlobalDispatcher();
  agent = new MockAgent();
  agent.disableNetConnect();
  setGlobalDispatcher(agent);
});
afterEach(async () => {
  agent.assertNoPendingInterceptors();
  setGlobalDispatcher(previous);
  await agent.close();
});

interface Sent { query: string; variables: Record<string, string>; authorization: unknown }
/** The next query the gateway gets answered by `answer`, which sees what was sent. */
function gatewayAnswers(answer: (sent: Sent) => object): Sent[] {
  const seen: Sent[] = [];
  agent.get('http://gateway.test').intercept({ path: '/graphql', method: 'POST' }).reply(200, (opts) => {
    const body = JSON.parse(String(opts.body)) as Omit<Sent, 'authorization'>;
    const sent = { ...body, authorization: (opts.headers as Record<string, string>)['authorization'] };
    seen.push(sent);
    return answer(sent);
  }, { headers: { 'content-type': 'application/json' } });
  return seen;
}

describe('the resource directory', () => {
  it('asks node(id) for each resource, 10 root fields a query, as the caller, and reads found, missing and forbidden', async () => {
    const answer = ({ variables }: Sent) => {
      const aliases = Object.keys(variables);
      const forbidden = aliases.filter((a) => variables[a] === ids[11]);
      return {
        data: Object.fromEntries(aliases.map((a) => [a, variables[a] === ids[3] || forbidden.includes(a) ? null : { cityCode: TONGNAN }])),
        ...(forbidden.length > 0 && { errors: forbidden.map((a) => ({ message: 'no', path: [a], extensions: { code: 'FORBIDDEN', reason: 'missing-scope', requiredScopes: [['emergency:read']] } })) }),
      };
    };
    const first = gatewayAnswers(answer);
    const second = gatewayAnswers(answer);
    const facts = await createResourceDirectory(LINK)(TONGNAN, ids, 'gw-token');
    const sent = [...first, ...second].sort((a, b) => Object.keys(b.variables).length - Object.keys(a.variables).length);
    expect(sent.map((s) => Object.keys(s.variables).length)).toEqual([10, 2]);
    expect(sent[0]!.query).toContain('r9: node(id: $r9) { ... on EmergencyResource { cityCode } }');
    expect(sent.map((s) => s.authorization)).toEqual(['Bearer gw-token', 'Bearer gw-token']);
    expect(facts).toHaveLength(12);
    expect(facts[0]).toEqual({ status: 'found', cityCode: TONGNAN });
    expect(facts[3]).toEqual({ status: 'missing' });
    expect(facts[11]).toEqual({ status: 'forbidden', extensions: { reason: 'missing-scope', requiredScopes: [['emergency:read']] } });
  });

  it('is RECIPIENTS_UNAVAILABLE when the responder failed, or the gateway answered no data', async () => {
    gatewayAnswers(() => ({ data: { r0: null }, errors: [{ message: 'down', path: ['r0'], extensions: { code: 'CITY_UNAVAILABLE' } }] }));
    const failed = await createResourceDirectory(LINK)(TONGNAN, ids.slice(0, 1), null).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(GraphQLError);
    expect((failed as GraphQLError).extensions).toMatchObject({ code: 'RECIPIENTS_UNAVAILABLE', reason: 'responder-unavailable', cityCode: TONGNAN });

    gatewayAnswers(() => ({ errors: [{ message: 'too many', extensions: { code: 'TOO_MANY_ROOT_FIELDS' } }] }));
    const refused = await createResourceDirectory(LINK)(TONGNAN, ids.slice(0, 2), null).catch((e: unknown) => e);
    expect((refused as GraphQLError).extensions).toMatchObject({ code: 'RECIPIENTS_UNAVAILABLE', reason: 'responder-unavailable' });
  });
});
