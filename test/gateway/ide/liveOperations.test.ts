/**
 * The IDE's live fetcher's decisions: subscriptions (and only they) go over WebSocket to the page's
 * own origin, the headers editor's token goes in connection_init, and the gateway's close codes read
 * as GraphQL errors with the code a client handles.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { closeError, connectionParamsOf, isSubscription, liveUrl } from '../../../gateway/ide/app/liveOperations.ts';

describe('isSubscription', () => {
  it('picks the operation GraphiQL runs, by name when the document has several', () => {
    const query = 'query Past { alarms(first: 1) { totalCount } } subscription Live { alarmRaised { id } }';
    expect(isSubscription({ query, operationName: 'Live' })).toBe(true);
    expect(isSubscription({ query, operationName: 'Past' })).toBe(false);
    expect(isSubscription({ query: 'subscription { alarmRaised { id } }' })).toBe(true);
    expect(isSubscription({ query: '{ cities { code } }' })).toBe(false);
    expect(isSubscription({ query: 'ignored', operationName: 'Live' }, parse(query))).toBe(true);
  });

  it('leaves a document that does not parse to POST, which answers its syntax error', () => {
    expect(isSubscription({ query: 'subscription {' })).toBe(false);
  });
});

describe('liveUrl', () => {
  it('is the page origin\'s /graphql, wss: under https:', () => {
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/graphql');
    expect(liveUrl({ protocol: 'https:', host: 'ecograph.example.cn' })).toBe('wss://ecograph.example.cn/graphql');
  });
});

describe('connectionParamsOf', () => {
  it('sends the Authorization header, whatever its letter case, and nothing else', () => {
    expect(connectionParamsOf({ Authorization: 'Bearer t', 'x-other': '1' })).toEqual({ authorization: 'Bearer t' });
    expect(connectionParamsOf({ authorization: 'Bearer t' })).toEqual({ authorization: 'Bearer t' });
    expect(connectionParamsOf({})).toEqual({});
    expect(connectionParamsOf(undefined)).toEqual({});
  });
});

describe('closeError', () => {
  it('takes the code from the gateway\'s close reason, else from 4401', () => {
    expect(closeError({ code: 4401, reason: 'UNAUTHENTICATED: the bearer token expired' }).extensions)
      .toEqual({ code: 'UNAUTHENTICATED', closeCode: 4401 });
    expect(closeError({ code: 4403, reason: 'RATE_LIMITED' }).extensions).toEqual({ code: 'RATE_LIMITED', closeCode: 4403 });
    expect(closeError({ code: 4401, reason: '' }).extensions).toEqual({ code: 'UNAUTHENTICATED', closeCode: 4401 });
    expect(closeError({ code: 1006, reason: '' })).toMatchObject({ message: expect.stringContaining('(1006)'), extensions: { code: 'CONNECTION_CLOSED' } });
  });
});
