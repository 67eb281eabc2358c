import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { BureauEventBody } from '../../../schema/events/bureauEvents.ts';
import type { HubEvent } from '../../../gateway/events/EventHub.ts';
import { LIVE_FIELDS } from '../../../gateway/live/liveFields.ts';
import { PUBLIC_CALLER, type Caller } from '../../../gateway/request/Caller.ts';

const officer = (claims: Partial<Caller> = {}): Caller => ({
  role: 'authenticated', subject: 'officer', bureau: '510900', scopes: new Set(), jurisdiction: null, ...claims,
});
const event = (cityCode: string, body: BureauEventBody): HubEvent => ({ cityCode, event: { feed: 'readings', seq: 1, at: 0, body }, position: { [cityCode]: { readings: 1 } } });
const reading = (cityCode: string, stationId = 'S1', stationKind: 'WATER_QUALITY' | 'POLLUTION_SOURCE' = 'WATER_QUALITY') =>
  event(cityCode, { kind: 'reading', reading: { stationId, stationKind, time: 0, interval: 'HOURLY', values: [] } });
const alarm = (cityCode: string, severity: 'INFO' | 'WARNING' | 'CRITICAL', stationId = 'S1') => event(cityCode, {
  kind: 'alarm',
  alarm: { id: 'a', stationId, stationKind: 'WATER_QUALITY', kind: 'SPIKE', severity, code: null, name: null, from: 0, to: 0, reason: '', values: [], limit: null },
});
const notice = (cityCode: string) => event(cityCode, { kind: 'notice-received', noticeId: 'n', incidentId: 'i' });
const field = (name: string) => LIVE_FIELDS.get(name)!;
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as GraphQLError).extensions;
  }
  throw new Error('not refused');
};

describe('readingReported filters', () => {
  it('takes every reading for a caller without filters, and nothing else', () => {
    const filter = field('readingReported').start({}, PUBLIC_CALLER);
    expect(filter.accepts(reading('500152'))).toBe(true);
    expect(filter.accepts(alarm('500152', 'CRITICAL'))).toBe(false);
  });

  it('keeps to the caller\'s jurisdiction, whatever cityCodes asks', () => {
    const filter = field('readingReported').start({ cityCodes: ['500152', '510900'] }, officer({ jurisdiction: new Set(['510900']) }));
    expect(filter.accepts(reading('510900'))).toBe(true);
    expect(filter.accepts(reading('500152'))).toBe(false);
  });

  it('filters by station (global ids), city and kind', () => {
    const filter = field('readingReported').start({ stationIds: [encodeGlobalId('Station', '510900', 'S1')], kind: 'WATER_QUALITY' }, PUBLIC_CALLER);
    expect(filter.accepts(reading('510900', 'S1'))).toBe(true);
    expect(filter.accepts(reading('510900', 'S2'))).toBe(false);
    expect(filter.accepts(reading('500152', 'S1'))).toBe(false);
    expect(filter.accepts(reading('510900', 'S1', 'POLLUTION_SOURCE'))).toBe(false);
  });

  it('reads a bureau\'s event that carries the station\'s global id (as the bureaus\' records do) as its local id', () => {
    const globalId = encodeGlobalId('Station', '510900', 'S1');
    const filter = field('readingReported').start({ stationIds: [globalId] }, PUBLIC_CALLER);
    expect(filter.accepts(reading('510900', globalId))).toBe(true);
    expect(filter.accepts(reading('510900', encodeGlobalId('Station', '510900', 'S2')))).toBe(false);
    // The graph is asked for the station by its global id, encoded once, whichever id the event carried.
    expect(field('readingReported').variables(reading('510900', globalId))['stationId']).toBe(globalId);
    expect(field('readingReported').variables(reading('510900', 'S1'))['stationId']).toBe(globalId);
    expect(field('alarmRaised').variables(alarm('510900', 'CRITICAL', globalId))['stationId']).toBe(globalId);
  });

  it('refuses an id that is no station\'s and a code that is no bureau\'s with BAD_USER_INPUT', () => {
    expect(refusal(() => field('readingReported').start({ stationIds: ['x'] }, PUBLIC_CALLER))).toEqual({ code: 'BAD_USER_INPUT', argument: 'stationIds' });
    expect(refusal(() => field('readingReported').start({ stationIds: [encodeGlobalId('Project', '510900', 'P1')] }, PUBLIC_CALLER)))
      .toEqual({ code: 'BAD_USER_INPUT', argument: 'stationIds' });
    expect(refusal(() => field('readingReported').start({ cityCodes: ['Chengdu'] }, PUBLIC_CALLER))).toEqual({ code: 'BAD_USER_INPUT', argument: 'cityCodes' });
  });
});

describe('alarmRaised filters', () => {
  it('takes alarms at or above the minimum severity', () => {
    const filter = field('alarmRaised').start({ severity: 'WARNING' }, PUBLIC_CALLER);
    expect(['INFO', 'WARNING', 'CRITICAL'].map((s) => filter.accepts(alarm('510900', s as 'INFO')))).toEqual([false, true, true]);
  });
});

describe('inbox subscriptions', () => {
  it('gives an officer only the notices of its own bureau\'s inbox', () => {
    const filter = field('noticeReceived').start({}, officer());
    expect(filter.accepts(notice('510900'))).toBe(true);
    expect(filter.accepts(notice('500152'))).toBe(false);
  });

  it('refuses the public role (UNAUTHENTICATED) and a token without a bureau (FORBIDDEN)', () => {
    expect(refusal(() => field('noticeReceived').start({}, PUBLIC_CALLER))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'not-authenticated' });
    expect(refusal(() => field('bulletinReceived').start({}, officer({ bureau: null })))).toMatchObject({ code: 'FORBIDDEN', reason: 'no-bureau' });
  });
});

describe('incidentUpdated', () => {
  const id = encodeGlobalId('EnvironmentalIncident', '500152', 'I1');
  it('follows one incident', () => {
    const filter = field('incidentUpdated').start({ id }, officer());
    expect(filter.accepts(event('500152', { kind: 'incident-updated', incidentId: id, change: 'reported' }))).toBe(true);
    expect(filter.accepts(event('500152', { kind: 'incident-updated', incidentId: encodeGlobalId('EnvironmentalIncident', '500152', 'I2'), change: 'reported' }))).toBe(false);
  });

  it('refuses an id that is no incident\'s (BAD_USER_INPUT) and one outside the jurisdiction (FORBIDDEN)', () => {
    expect(refusal(() => field('incidentUpdated').start({ id: 'nope' }, officer()))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal(() => field('incidentUpdated').start({ id }, officer({ jurisdiction: new Set(['510900']) }))))
      .toMatchObject({ code: 'FORBIDDEN', reason: 'out-of-jurisdiction', city: '500152' });
  });
});
