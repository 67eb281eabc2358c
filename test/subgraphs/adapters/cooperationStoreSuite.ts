/**
 * The behaviour every cooperation store must show (subgraphs/kit/cooperation/CooperationStore.ts),
 * run against each store kind: the embedded SQLite store, PostgreSQL and MariaDB. Two stores play
 * sender (510900) and recipient (500152); the test hands messages between them as the relay does.
 */
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CooperationStore, NewBulletin, NewIncident, NewJointMeeting, NewPatrolProposal, WriteMeta } from '../../../subgraphs/kit/cooperation/CooperationStore.ts';

export interface OpenedCooperationStore {
  readonly store: CooperationStore;
  close(): Promise<void>;
}

export type OpenCooperationStore = (cityCode: string) => Promise<OpenedCooperationStore>;

const SENDER = '510900';
const RECIPIENT = '500152';
const T0 = Date.parse('2026-05-01T08:00:00+08:00');

const incident = (recipients: readonly string[] = [RECIPIENT, '500000']): NewIncident => ({
  title: '琼江大安段柴油泄漏', description: '运输车侧翻，约 2 吨柴油入河。', occurredAt: T0 - 3_600_000, longitude: 105.56, latitude: 30.21,
  riverId: 'qiongjiang', nearestSectionId: 'qiongjiang-daan', pollutants: ['石油类'], facts: { crossBorder: 'PROVINCIAL' }, recipients,
});

const bulletin = (recipients: readonly string[] = [RECIPIENT, '511600'], title = '琼江光辉断面石油类超标预警'): NewBulletin => ({
  category: 'WARNING', title, body: '光辉断面石油类 0.08 mg/L，请下游做好取水口防护。', incidentId: null, recipients,
});

let counter = 0;
const meta = (key: string, fingerprint = 'f1', bureau = SENDER): WriteMeta => ({
  idempotencyKey: key, fingerprint, actor: { sub: 'li.ming', bureau }, requestId: `req-${++counter}`, now: T0 + counter,
});

/** The code a store call refuses with ('no error' when it does not). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphQLError) return String(error.extensions['code']);
    throw error;
  }
  return 'no error';
}

export function describeCooperationStoreContract(kind: string, open: OpenCooperationStore): void {
  describe(`${kind} cooperation store`, () => {
    let sender: OpenedCooperationStore;
    let recipient: OpenedCooperationStore;
    beforeAll(async () => {
      sender = await open(SENDER);
      recipient = await open(RECIPIENT);
    });
    afterAll(async () => {
      await sender?.close();
      await recipient?.close();
    });

    it('writes an incident, its initial report, audit entry, PENDING notices and one outbox message per recipient in order', async () => {
      const { id, replayed } = await sender.store.reportIncident(meta('k-report'), incident());
      expect(replayed).toBe(false);
      const [record] = await sender.store.incidentsByIds([id]);
      expect(record).toMatchObject({ cityCode: SENDER, status: 'OPEN', pollutants: ['石油类'], facts: { crossBorder: 'PROVINCIAL' } });
      const [reports] = await sender.store.reportsOfIncidents([id]);
      expect(reports).toMatchObject([{ sequence: 1, kind: 'INITIAL', author: { sub: 'li.ming', bureau: SENDER } }]);
      const [notices] = await sender.store.noticesOfIncidents([id]);
      expect(notices!.map((n) => [n.recipientCityCode, n.state])).toEqual([['500000', 'PENDING'], [RECIPIENT, 'PENDING']]);
      const [history] = await sender.store.historyOf([id]);
      expect(history).toMatchObject([{ action: 'REPORTED', actor: { sub: 'li.ming', bureau: SENDER } }]);
      const outbox = await sender.store.pendingOutbox(50);
      expect(outbox.messages.map((m) => [m.recipient, m.sequence, m.body.kind])).toEqual([
        ['500000', 1, 'incident-notice'], [RECIPIENT, 1, 'incident-notice'],
      ]);
      expect(outbox.pendingCount).toBe(2);
      expect(outbox.oldestPendingAt).toBeTypeOf('number');
    });

    it('answers a retry with the same key from the key, writing nothing; refuses the key with other input', async () => {
      const first = await sender.store.reportIncident(meta('k-retry'), incident([]));
      const before = (await sender.store.listIncidents(listAll())).totalCount;
      const again = await sender.store.reportIncident(meta('k-retry'), incident([]));
      expect(again).toEqual({ id: first.id, replayed: true });
      expect(await codeOf(sender.store.reportIncident(meta('k-retry', 'other'), incident([])))).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await sender.store.listIncidents(listAll())).totalCount).toBe(before);
    });

    it('keeps exactly one record for 50 concurrent identical requests', async () => {
      const before = (await sender.store.listIncidents(listAll())).totalCount;
      const outboxBefore = (await sender.store.pendingOutbox(200)).pendingCount;
      const results = await Promise.all(Array.from({ length: 50 }, () => sender.store.reportIncident(meta('k-50'), incident([RECIPIENT]))));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect((await sender.store.listIncidents(listAll())).totalCount).toBe(before + 1);
      expect((await sender.store.pendingOutbox(200)).pendingCount).toBe(outboxBefore + 1);
    });

    it('numbers a pair\'s messages without gaps under concurrent writes of different incidents', async () => {
      await Promise.all(Array.from({ length: 8 }, (_, i) => sender.store.reportIncident(meta(`k-par-${i}`, `f-${i}`), incident(['511600']))));
      const seqs = (await sender.store.pendingOutbox(200)).messages.filter((m) => m.recipient === '511600').map((m) => m.sequence);
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('adds follow-ups and one final report, then refuses any report (INCIDENT_CLOSED) and writes nothing', async () => {
      const { id } = await sender.store.reportIncident(meta('k-closing'), incident([]));
      await sender.store.addIncidentReport(meta('k-f1'), id, { kind: 'FOLLOW_UP', text: '已布设围油栏。' });
      await sender.store.addIncidentReport(meta('k-f2'), id, { kind: 'FINAL', text: '处置完毕。' });
      expect(await codeOf(sender.store.addIncidentReport(meta('k-f3'), id, { kind: 'FOLLOW_UP', text: '补充' }))).toBe('INCIDENT_CLOSED');
      const [reports] = await sender.store.reportsOfIncidents([id]);
      expect(reports!.map((r) => r.kind)).toEqual(['INITIAL', 'FOLLOW_UP', 'FINAL']);
      expect((await sender.store.incidentsByIds([id]))[0]?.status).toBe('CLOSED');
      expect((await sender.store.historyOf([id]))[0]!.map((h) => h.action)).toEqual(['REPORTED', 'REPORT_ADDED', 'REPORT_ADDED']);
    });

    it('returns audit entries written in the same millisecond in the order they were written', async () => {
      const at = T0 + 42_000; // one instant for every write: the store's clock is the writes' `now`
      const { id } = await sender.store.reportIncident({ ...meta('k-same-ms'), now: at }, incident([]));
      for (let i = 1; i <= 5; i++) {
        await sender.store.addIncidentReport({ ...meta(`k-same-ms-${i}`), now: at }, id, { kind: i === 5 ? 'FINAL' : 'FOLLOW_UP', text: `续报 ${i}` });
      }
      const [history] = await sender.store.historyOf([id]);
      expect(history!.map((h) => h.at)).toEqual(Array.from({ length: 6 }, () => at));
      expect(history!.map((h) => (JSON.parse(h.changes) as { sequence?: number }).sequence ?? 1)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(history!.map((h) => h.action)).toEqual(['REPORTED', 'REPORT_ADDED', 'REPORT_ADDED', 'REPORT_ADDED', 'REPORT_ADDED', 'REPORT_ADDED']);
    });

    it('pulls every recipient\'s first messages however many wait for a recipient sorting before them, at most perRecipient of each', async () => {
      const own = await open('510500'); // a sender of its own: the pull sees only this test's messages
      try {
        const send = (recipients: string[], i: number) =>
          own.store.sendBulletin(meta(`starve-${i}`, `f-${i}`, '510500'), bulletin(recipients, `预警 ${i}`));
        for (let i = 1; i <= 6; i++) await send(['500000'], i); // the backlog of a recipient that sorts first
        await send(['511600', RECIPIENT], 7);
        const pairs = (messages: ReadonlyArray<{ recipient: string; sequence: number }>) => messages.map((m) => `${m.recipient}#${m.sequence}`);

        const shared = await own.store.pendingOutbox(4);
        expect(pairs(shared.messages)).toEqual(['500000#1', '500000#2', `${RECIPIENT}#1`, '511600#1']);
        expect(shared.pendingCount).toBe(8);
        const capped = await own.store.pendingOutbox(200, 3);
        expect(pairs(capped.messages)).toEqual(['500000#1', '500000#2', '500000#3', `${RECIPIENT}#1`, '511600#1']);
        expect(pairs((await own.store.pendingOutbox(200)).messages)).toHaveLength(8);
      } finally {
        await own.close();
      }
    });

    it('delivers into the inbox once and in order, and carries the acknowledgement back to the sender', async () => {
      const { id } = await sender.store.reportIncident(meta('k-roundtrip'), incident([RECIPIENT]));
      const pending = (await sender.store.pendingOutbox(200)).messages.filter((m) => m.recipient === RECIPIENT);
      const first = pending[0]!;
      const later = pending.at(-1)!;
      if (pending.length > 1) expect(await recipient.store.receive(later, T0)).toEqual({ status: 'out-of-order', expected: 1 });
      const answers = await Promise.all(Array.from({ length: 20 }, () => recipient.store.receive(first, T0)));
      expect(answers.filter((a) => a.status === 'accepted')).toHaveLength(1);
      for (const message of pending.slice(1)) expect(await recipient.store.receive(message, T0)).toEqual({ status: 'accepted' });
      expect(await recipient.store.receive(first, T0)).toEqual({ status: 'duplicate' });
      expect(await sender.store.markDelivered(pending.map((m) => m.messageId), T0 + 10_000)).toBe(pending.length);
      expect(await sender.store.markDelivered(pending.map((m) => m.messageId), T0 + 11_000)).toBe(0);

      const [sent] = (await sender.store.noticesOfIncidents([id]))[0]!;
      expect(sent).toMatchObject({ state: 'DELIVERED', deliveredAt: T0 + 10_000 });
      const inbox = await recipient.store.listReceivedNotices(listAll());
      const copy = inbox.items.find((n) => n.remoteNoticeId === sent!.id)!;
      expect(copy).toMatchObject({ cityCode: RECIPIENT, direction: 'RECEIVED', state: 'DELIVERED', senderCityCode: SENDER, incidentId: id });

      expect(await codeOf(sender.store.acknowledgeNotice(meta('k-ack-wrong'), sent!.id))).toBe('NOT_NOTICE_RECIPIENT');
      await recipient.store.acknowledgeNotice(meta('k-ack', 'f1', RECIPIENT), copy.id);
      const back = (await recipient.store.pendingOutbox(10)).messages;
      expect(back).toHaveLength(1);
      expect(back[0]).toMatchObject({ sender: RECIPIENT, recipient: SENDER, sequence: 1, body: { kind: 'notice-acknowledged', noticeId: sent!.id } });
      expect(await sender.store.receive(back[0]!, T0 + 20_000)).toEqual({ status: 'accepted' });
      const [acked] = (await sender.store.noticesOfIncidents([id]))[0]!;
      expect(acked).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: { sub: 'li.ming', bureau: RECIPIENT } });
      expect((await sender.store.historyOf([acked!.id]))[0]!.map((h) => h.action)).toEqual(['QUEUED', 'DELIVERED', 'ACKNOWLEDGED']);
    });

    it('sends a bulletin once per key (retry answered from the key, other input refused), one PENDING recipient and message each', async () => {
      const before = (await sender.store.listBulletins(listAll())).totalCount;
      const first = await sender.store.sendBulletin(meta('b-send', 'fb1'), bulletin());
      expect(await sender.store.sendBulletin(meta('b-send', 'fb1'), bulletin())).toEqual({ id: first.id, replayed: true });
      expect(await codeOf(sender.store.sendBulletin(meta('b-send', 'fb2'), bulletin([RECIPIENT], '另一条')))).toBe('IDEMPOTENCY_KEY_REUSED');
      // The same key under another operation is another key: idempotency keys are per operation.
      expect((await sender.store.listBulletins(listAll())).totalCount).toBe(before + 1);
      const [recipients] = await sender.store.recipientsOfBulletins([first.id]);
      expect(recipients!.map((r) => [r.cityCode, r.state])).toEqual([[RECIPIENT, 'PENDING'], ['511600', 'PENDING']]);
      const kinds = (await sender.store.pendingOutbox(200)).messages.filter((m) => m.body.kind === 'bulletin' && m.body.bulletinId === first.id);
      expect(kinds.map((m) => m.recipient).sort()).toEqual([RECIPIENT, '511600']);
      expect((await sender.store.historyOf([first.id]))[0]!.map((h) => h.action)).toEqual(['SENT']);
    });

    it('delivers a bulletin into the inbox in the pair\'s order after earlier messages, and carries the read receipt back', async () => {
      const { id } = await sender.store.sendBulletin(meta('b-roundtrip', 'fb3'), bulletin([RECIPIENT]));
      const pending = (await sender.store.pendingOutbox(200)).messages.filter((m) => m.recipient === RECIPIENT);
      const mine = pending.find((m) => m.body.kind === 'bulletin' && m.body.bulletinId === id)!;
      // Messages of this pair queued before (notices, bulletins of earlier cases) go first; the bulletin never overtakes them.
      expect(await recipient.store.receive(mine, T0 + 100_000)).toMatchObject(pending[0] === mine ? { status: 'accepted' } : { status: 'out-of-order' });
      for (const m of pending) expect(['accepted', 'duplicate']).toContain((await recipient.store.receive(m, T0 + 100_000)).status);
      expect(await recipient.store.receive(mine, T0 + 100_001)).toEqual({ status: 'duplicate' });
      await sender.store.markDelivered(pending.map((m) => m.messageId), T0 + 100_002);
      expect((await sender.store.recipientsOfBulletins([id]))[0]).toMatchObject([{ cityCode: RECIPIENT, state: 'DELIVERED', deliveredAt: T0 + 100_002 }]);

      const inbox = await recipient.store.listReceivedBulletins(listAll());
      const copy = inbox.items.find((b) => b.remoteBulletinId === id)!;
      expect(copy).toMatchObject({ cityCode: RECIPIENT, direction: 'RECEIVED', senderCityCode: SENDER, category: 'WARNING' });
      expect(await codeOf(sender.store.markBulletinRead(meta('b-read-wrong'), id))).toBe('NOT_BULLETIN_RECIPIENT');
      const outBefore = (await recipient.store.pendingOutbox(200)).messages.length;
      await recipient.store.markBulletinRead(meta('b-read', 'f1', RECIPIENT), copy.id);
      await recipient.store.markBulletinRead(meta('b-read-2', 'f1', RECIPIENT), copy.id); // read again: nothing more to send
      const back = (await recipient.store.pendingOutbox(200)).messages.filter((m) => m.recipient === SENDER);
      expect(back).toHaveLength(outBefore + 1);
      const receipt = back.at(-1)!;
      expect(receipt.body).toMatchObject({ kind: 'bulletin-read', bulletinId: id, by: { bureau: RECIPIENT } });
      for (const m of back) await sender.store.receive(m, T0 + 200_000);
      const [read] = (await sender.store.recipientsOfBulletins([id]))[0]!;
      expect(read).toMatchObject({ state: 'READ', readBy: { sub: 'li.ming', bureau: RECIPIENT } });
      expect((await sender.store.historyOf([id]))[0]!.map((h) => h.action)).toEqual(['SENT', 'DELIVERED', 'READ']);
      expect((await recipient.store.recipientsOfBulletins([copy.id]))[0]).toMatchObject([{ cityCode: RECIPIENT, state: 'READ' }]);
    });

    it('counts sent bulletins per recipient in [from, to)', async () => {
      const from = T0 + 500_000;
      const at = (offset: number, key: string, recipients: readonly string[]) =>
        sender.store.sendBulletin({ ...meta(key, key), now: from + offset }, bulletin(recipients, key));
      await at(0, 'x-1', [RECIPIENT, '511600']);
      await at(10, 'x-2', [RECIPIENT]);
      await at(1_000, 'x-3', [RECIPIENT]); // at `to`: outside
      expect(await sender.store.bulletinExchange(from, from + 1_000)).toEqual([
        { senderCityCode: SENDER, recipientCityCode: RECIPIENT, count: 2 },
        { senderCityCode: SENDER, recipientCityCode: '511600', count: 1 },
      ]);
      expect(await recipient.store.bulletinExchange(from, from + 1_000)).toEqual([]);
    });

    it('carries a resource request and each state change in order; refuses out-of-order changes and other bureaus, writing nothing', async () => {
      const request = { responder: RECIPIENT, items: [{ resourceId: 'res-1', quantity: 2 }], incidentId: null, note: '围油栏' };
      const { id } = await sender.store.requestResources(meta('rr-1', 'fr1'), request);
      expect(await sender.store.requestResources(meta('rr-1', 'fr1'), request)).toEqual({ id, replayed: true });
      expect(await codeOf(sender.store.requestResources(meta('rr-1', 'fr2'), { ...request, note: '另' }))).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await sender.store.listResourceRequests(listRole('SENT'))).items.filter((r) => r.id === id)).toHaveLength(1);

      const relay = async (from: OpenedCooperationStore, to: OpenedCooperationStore, at: number) => {
        const pending = (await from.store.pendingOutbox(200)).messages.filter((m) => m.recipient === (to === recipient ? RECIPIENT : SENDER));
        for (const [i, m] of pending.entries()) expect(['accepted', 'duplicate']).toContain((await to.store.receive(m, at + i)).status);
        if (pending.length > 0) await from.store.markDelivered(pending.map((m) => m.messageId), at);
      };
      await relay(sender, recipient, T0 + 300_000);
      expect((await sender.store.resourceRequestsByIds([id]))[0]).toMatchObject({ state: 'REQUESTED', deliveredAt: T0 + 300_000 });
      const copy = (await recipient.store.listResourceRequests(listRole('RECEIVED'))).items.find((r) => r.remoteRequestId === id)!;
      expect(copy).toMatchObject({ direction: 'RECEIVED', requesterCityCode: SENDER, responderCityCode: RECIPIENT, items: request.items, state: 'REQUESTED' });

      const as = (key: string) => ({ ...meta(key, key, RECIPIENT), now: T0 + 350_000 + counter }); // after the delivery
      const change = (key: string, state: 'ACCEPTED' | 'DECLINED' | 'DISPATCHED' | 'RETURNED', reason: string | null = null) =>
        recipient.store.changeResourceRequestState(as(key), copy.id, state, reason);
      expect(await codeOf(sender.store.changeResourceRequestState(meta('rr-own'), id, 'ACCEPTED', null))).toBe('NOT_REQUEST_RESPONDER');
      expect(await codeOf(change('rr-early', 'DISPATCHED'))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      expect(await codeOf(change('rr-returned', 'RETURNED'))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      await change('rr-accept', 'ACCEPTED');
      expect(await change('rr-accept', 'ACCEPTED')).toMatchObject({ replayed: true });
      expect(await codeOf(change('rr-decline', 'DECLINED', '无库存'))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      expect(await codeOf(change('rr-ret2', 'RETURNED'))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      await change('rr-dispatch', 'DISPATCHED');
      await change('rr-return', 'RETURNED');
      expect(await codeOf(change('rr-again', 'DISPATCHED'))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      const states = (await recipient.store.pendingOutbox(200)).messages
        .filter((m) => m.body.kind === 'resource-request-state' && m.body.requestId === id).map((m) => m.body.kind === 'resource-request-state' && m.body.state);
      expect(states).toEqual(['ACCEPTED', 'DISPATCHED', 'RETURNED']);
      expect((await recipient.store.resourceRequestsByIds([copy.id]))[0]?.state).toBe('RETURNED');

      await relay(recipient, sender, T0 + 400_000);
      expect((await sender.store.resourceRequestsByIds([id]))[0]).toMatchObject({ state: 'RETURNED' });
      expect((await sender.store.historyOf([id]))[0]!.map((h) => h.action)).toEqual(['REQUESTED', 'DELIVERED', 'ACCEPTED', 'DISPATCHED', 'RETURNED']);
      expect((await recipient.store.historyOf([copy.id]))[0]!.map((h) => h.action)).toEqual(['DELIVERED', 'ACCEPTED', 'DISPATCHED', 'RETURNED']);

      // A declined request is final, and its reason reaches the requester.
      const declined = await sender.store.requestResources(meta('rr-2', 'fr3'), request);
      await relay(sender, recipient, T0 + 500_000);
      const copy2 = (await recipient.store.listResourceRequests(listRole('RECEIVED'))).items.find((r) => r.remoteRequestId === declined.id)!;
      await recipient.store.changeResourceRequestState(as('rr-2-decline'), copy2.id, 'DECLINED', '库存不足');
      expect(await codeOf(recipient.store.changeResourceRequestState(as('rr-2-dispatch'), copy2.id, 'DISPATCHED', null))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      await relay(recipient, sender, T0 + 600_000);
      expect((await sender.store.resourceRequestsByIds([declined.id]))[0]).toMatchObject({ state: 'DECLINED', reason: '库存不足' });
    });

    it('records a meeting once, delivers each action item to its assignee, and carries status changes back in order', async () => {
      const meeting: NewJointMeeting = {
        kind: 'JOINT_MEETING', title: '琼江联防联控联席会议', heldAt: T0 - 86_400_000, bureausPresent: [RECIPIENT, SENDER],
        topics: ['琼江水质'], decisions: ['开展联合巡河'],
        actionItems: [
          { description: '排查入河排污口', assignee: RECIPIENT, dueAt: T0 + 10 * 86_400_000 },
          { description: '补充监测', assignee: RECIPIENT, dueAt: T0 + 86_400_000 },
        ],
      };
      const { id } = await sender.store.recordJointMeeting(meta('jm-1', 'fm1'), meeting);
      expect(await sender.store.recordJointMeeting(meta('jm-1', 'fm1'), meeting)).toEqual({ id, replayed: true });
      expect(await codeOf(sender.store.recordJointMeeting(meta('jm-1', 'fm2'), { ...meeting, title: '另' }))).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await sender.store.listJointMeetings(listBy('heldAt'))).items.filter((m) => m.id === id)).toHaveLength(1);
      expect((await sender.store.jointMeetingsByIds([id]))[0]).toMatchObject({ kind: 'JOINT_MEETING', bureausPresent: [RECIPIENT, SENDER], topics: ['琼江水质'] });
      const [sent] = await sender.store.actionItemsOfMeetings([id]);
      expect(sent!.map((i) => [i.description, i.status, i.direction])).toEqual([['排查入河排污口', 'OPEN', 'SENT'], ['补充监测', 'OPEN', 'SENT']]);

      const relay = async (from: OpenedCooperationStore, to: OpenedCooperationStore, at: number) => {
        const pending = (await from.store.pendingOutbox(200)).messages.filter((m) => m.recipient === (to === recipient ? RECIPIENT : SENDER));
        for (const [i, m] of pending.entries()) expect(['accepted', 'duplicate']).toContain((await to.store.receive(m, at + i)).status);
        if (pending.length > 0) await from.store.markDelivered(pending.map((m) => m.messageId), at);
      };
      await relay(sender, recipient, T0 + 700_000);
      expect((await sender.store.actionItemsByIds([sent![0]!.id]))[0]?.deliveredAt).toBe(T0 + 700_000);
      const inbox = (await recipient.store.listActionItems(listBy('dueAt', 'ASC'))).items.filter((i) => i.meetingId === id);
      expect(inbox.map((i) => i.description)).toEqual(['补充监测', '排查入河排污口']); // earliest due first
      expect(inbox[0]).toMatchObject({ direction: 'RECEIVED', convenerCityCode: SENDER, assigneeCityCode: RECIPIENT, status: 'OPEN', meetingTitle: meeting.title });
      const overdue = async (at: number) => (await recipient.store.listActionItems({ ...listBy('dueAt', 'ASC'), filter: { overdueAt: at } }))
        .items.filter((i) => i.meetingId === id).map((i) => i.description);
      expect(await overdue(T0 + 2 * 86_400_000)).toEqual(['补充监测']);

      const item = inbox.find((i) => i.description === '排查入河排污口')!;
      const as = (key: string) => ({ ...meta(key, key, RECIPIENT), now: T0 + 750_000 + counter });
      expect(await codeOf(sender.store.updateActionItem(meta('ai-own'), sent![0]!.id, 'DONE', null))).toBe('NOT_ACTION_ITEM_ASSIGNEE');
      await recipient.store.updateActionItem(as('ai-progress'), item.id, 'IN_PROGRESS', '已部署');
      expect(await recipient.store.updateActionItem(as('ai-progress'), item.id, 'IN_PROGRESS', '已部署')).toMatchObject({ replayed: true });
      expect(await codeOf(recipient.store.updateActionItem({ ...as('ai-progress'), fingerprint: 'other' }, item.id, 'DONE', null))).toBe('IDEMPOTENCY_KEY_REUSED');
      await recipient.store.updateActionItem(as('ai-done'), item.id, 'DONE', '已完成排查');
      expect(await codeOf(recipient.store.updateActionItem(as('ai-again'), item.id, 'IN_PROGRESS', null))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      expect(await codeOf(recipient.store.updateActionItem(as('ai-again2'), item.id, 'DONE', null))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      expect(await overdue(T0 + 20 * 86_400_000)).toEqual(['补充监测']); // DONE is never overdue

      await relay(recipient, sender, T0 + 800_000);
      expect((await sender.store.actionItemsByIds([sent![0]!.id]))[0]).toMatchObject({ status: 'DONE', note: '已完成排查' });
      expect((await sender.store.historyOf([sent![0]!.id]))[0]!.map((h) => h.action)).toEqual(['ASSIGNED', 'DELIVERED', 'IN_PROGRESS', 'DONE']);
      expect((await recipient.store.historyOf([item.id]))[0]!.map((h) => h.action)).toEqual(['DELIVERED', 'IN_PROGRESS', 'DONE']);
      expect((await sender.store.historyOf([id]))[0]!.map((h) => h.action)).toEqual(['RECORDED']);
    });

    it('proposes a joint patrol once per key to each partner; a partner answers once and the answer travels back', async () => {
      const proposal: NewPatrolProposal = {
        name: '琼江跨界联合巡河', mode: 'JOINT', riverId: 'qiongjiang', reach: '光辉断面至大安段', plannedStartAt: T0 + 7 * 86_400_000,
        note: '', partners: [RECIPIENT, '511600'], participants: 4,
      };
      const { id } = await sender.store.proposeJointPatrol(meta('jp-1', 'fp1'), proposal);
      expect(await sender.store.proposeJointPatrol(meta('jp-1', 'fp1'), proposal)).toEqual({ id, replayed: true });
      expect(await codeOf(sender.store.proposeJointPatrol(meta('jp-1', 'fp2'), { ...proposal, reach: '另' }))).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await sender.store.listPatrolProposals('SENT', listBy('createdAt'))).items.filter((p) => p.id === id)).toHaveLength(1);
      expect((await sender.store.partnersOfProposals([id]))[0]!.map((p) => [p.cityCode, p.state, p.deliveredAt])).toEqual([
        [RECIPIENT, 'PROPOSED', null], ['511600', 'PROPOSED', null],
      ]);

      const pending = (await sender.store.pendingOutbox(200)).messages.filter((m) => m.recipient === RECIPIENT);
      for (const [i, m] of pending.entries()) expect(['accepted', 'duplicate']).toContain((await recipient.store.receive(m, T0 + 900_000 + i)).status);
      await sender.store.markDelivered(pending.map((m) => m.messageId), T0 + 900_000);
      const copy = (await recipient.store.listPatrolProposals('RECEIVED', listBy('createdAt'))).items.find((p) => p.remoteProposalId === id)!;
      expect(copy).toMatchObject({ direction: 'RECEIVED', proposerCityCode: SENDER, mode: 'JOINT', reach: proposal.reach, plannedStartAt: proposal.plannedStartAt });
      expect((await recipient.store.partnersOfProposals([copy.id]))[0]!.map((p) => [p.cityCode, p.state])).toEqual([[RECIPIENT, 'PROPOSED']]);

      const as = (key: string) => ({ ...meta(key, key, RECIPIENT), now: T0 + 950_000 + counter });
      const confirmed = { state: 'CONFIRMED' as const, participants: 8, note: '派 8 人' };
      expect(await codeOf(sender.store.confirmJointPatrol(meta('jp-own'), id, confirmed))).toBe('NOT_PATROL_PARTNER');
      await recipient.store.confirmJointPatrol(as('jp-yes'), copy.id, confirmed);
      expect(await recipient.store.confirmJointPatrol(as('jp-yes'), copy.id, confirmed)).toMatchObject({ replayed: true });
      expect(await codeOf(recipient.store.confirmJointPatrol(as('jp-no'), copy.id, { state: 'DECLINED', participants: null, note: null })))
        .toBe('STATE_CHANGE_OUT_OF_ORDER');

      const back = (await recipient.store.pendingOutbox(200)).messages.filter((m) => m.recipient === SENDER);
      for (const [i, m] of back.entries()) expect(['accepted', 'duplicate']).toContain((await sender.store.receive(m, T0 + 1_000_000 + i)).status);
      const partners = (await sender.store.partnersOfProposals([id]))[0]!;
      expect(partners[0]).toMatchObject({ cityCode: RECIPIENT, state: 'CONFIRMED', participants: 8, note: '派 8 人', respondedBy: { sub: 'li.ming', bureau: RECIPIENT } });
      expect(partners[0]!.deliveredAt).toBe(T0 + 900_000);
      expect(partners[1]).toMatchObject({ cityCode: '511600', state: 'PROPOSED', deliveredAt: null });
      expect((await sender.store.historyOf([id]))[0]!.map((h) => h.action)).toEqual(['PROPOSED', 'DELIVERED', 'CONFIRMED']);
    });
  });
}

function listBy(field: string, direction: 'ASC' | 'DESC' = 'DESC') {
  return { filter: {}, sort: { field, direction }, after: null, limit: 101 };
}

function listRole(role: 'SENT' | 'RECEIVED') {
  return { filter: { role }, sort: { field: 'createdAt', direction: 'DESC' as const }, after: null, limit: 101 };
}

function listAll() {
  return { filter: {}, sort: { field: 'occurredAt', direction: 'DESC' as const }, after: null, limit: 101 };
}
