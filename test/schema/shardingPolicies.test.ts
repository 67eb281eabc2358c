import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../schema/loadContract.ts';
import { readShardingPolicies } from '../../schema/shardingPolicies.ts';

const directives = /* GraphQL */ `
  directive @cityFanout(merge: String! = "CONNECTION", sort: String = "id ASC") on FIELD_DEFINITION
  directive @citySortWhen(argument: String!, sort: String!) on FIELD_DEFINITION
  directive @cityRoute(argument: String!, decode: String! = "CITY_CODE") on FIELD_DEFINITION
`;

describe('sharding policies read from the contract', () => {
  it('gives every root field of the city contract a policy', () => {
    const policies = readShardingPolicies(loadContract());
    expect(Object.fromEntries(policies)).toMatchObject({
      projects: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'updatedAt', direction: 'DESC' } },
      stations: { kind: 'fanout', sort: { field: 'code', direction: 'ASC' } },
      enforcementCases: { kind: 'fanout', sort: { field: 'filedAt', direction: 'DESC' } },
      jointPatrols: { kind: 'fanout', sort: { field: 'startedAt', direction: 'DESC' } },
      emergencyResources: {
        kind: 'fanout',
        sort: { field: 'id', direction: 'ASC' },
        sortWhen: { argument: 'near', sort: { field: 'distanceKm', direction: 'ASC' } },
      },
      project: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      station: { kind: 'route', argument: 'cityCode' },
      enforcementCase: { kind: 'route', argument: 'cityCode' },
      emergencyResource: { kind: 'route', argument: 'cityCode' },
      node: { kind: 'route', argument: 'id', decode: 'GLOBAL_ID' },
      alarms: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'from', direction: 'DESC' } },
      dataCaptureRanking: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'effectiveTransmissionRate', direction: 'ASC' } },
      incidents: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'occurredAt', direction: 'DESC' } },
      receivedNotices: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'createdAt', direction: 'DESC' } },
      reportIncident: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      addIncidentReport: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      acknowledgeNotice: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      bulletins: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'createdAt', direction: 'DESC' } },
      receivedBulletins: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'createdAt', direction: 'DESC' } },
      bulletinExchange: { kind: 'fanout', merge: 'LIST' },
      sendBulletin: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      markBulletinRead: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      resourceRequests: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'createdAt', direction: 'DESC' } },
      requestResources: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      answerResourceRequest: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      updateResourceRequest: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      jointMeetings: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'heldAt', direction: 'DESC' } },
      actionItems: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'dueAt', direction: 'ASC' } },
      recordJointMeeting: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      updateActionItem: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      jointPatrolProposals: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'createdAt', direction: 'DESC' } },
      receivedJointPatrolProposals: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'createdAt', direction: 'DESC' } },
      proposeJointPatrol: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      confirmJointPatrol: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      recordJointPatrolFindings: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      jointCaseProposals: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'createdAt', direction: 'DESC' } },
      receivedJointCaseProposals: { kind: 'fanout', merge: 'CONNECTION', sort: { field: 'createdAt', direction: 'DESC' } },
      proposeJointCase: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      confirmJointCase: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
      linkJointCase: { kind: 'route', argument: 'cityCode', decode: 'CITY_CODE' },
    });
    expect(policies.size).toBe(40);
  });

  it('refuses a root field without a policy, naming it', () => {
    expect(() => readShardingPolicies(parse(`${directives} type Query { orphan: Int }`))).toThrow(/Query\.orphan has no sharding policy/);
  });

  it('refuses a fanned-out mutation', () => {
    expect(() => readShardingPolicies(parse(`${directives} type Mutation { close(id: ID!): Int @cityFanout }`))).toThrow(
      /mutations must be routed/,
    );
  });

  it('refuses a route on an argument the field does not have', () => {
    expect(() => readShardingPolicies(parse(`${directives} type Query { a(id: ID!): Int @cityRoute(argument: "cityCode") }`))).toThrow(
      /names argument "cityCode"/,
    );
  });

  it('refuses a malformed sort', () => {
    expect(() => readShardingPolicies(parse(`${directives} type Query { a: Int @cityFanout(sort: "name sideways") }`))).toThrow(
      /must be "<field> ASC"/,
    );
  });
});
