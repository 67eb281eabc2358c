/**
 * What the cooperation part sends (README.md "Cooperation / 协同"): 遂宁 (510900) reports an incident on
 * 琼江 above the 光辉 section, so 潼南 (500152) downstream gets a notice, plus 重庆 (500000) as an extra
 * recipient — two inboxes on two bureaus; bulletins from 遂宁 to 荣昌 (500153) make the backlog.
 * Writes and the read ask for the same fields, so the two round trips differ only in what the
 * bureau does for them.
 */
import { randomUUID } from 'node:crypto';
import { requestBody } from '../postGraphQL.ts';

export const REPORTER = '510900';
const DOWNSTREAM = '500152';
const EXTRA_RECIPIENT = '500000';
/** The notices' recipients: 潼南 downstream on 琼江, 重庆 as an extra recipient. */
export const NOTICE_RECIPIENTS: readonly string[] = [DOWNSTREAM, EXTRA_RECIPIENT];
/** The recipient stopped while its backlog builds up (no notice of this part goes there). */
export const BACKLOG_RECIPIENT = '500153';
/** Every bureau the cooperation gateway serves. */
export const COOPERATION_BUREAUS: readonly string[] = [REPORTER, ...NOTICE_RECIPIENTS, BACKLOG_RECIPIENT];

const INCIDENT_FIELDS = 'id title grade { level name } notices { recipientCityCode state }';

export const REPORT_INCIDENT = `mutation BenchReport($cityCode: ID!, $key: ID!, $input: ReportIncidentInput!) {
  reportIncident(cityCode: $cityCode, idempotencyKey: $key, input: $input) { ${INCIDENT_FIELDS} }
}`;

export const READ_INCIDENT = `query BenchIncident($id: ID!) {
  node(id: $id) { ... on EnvironmentalIncident { ${INCIDENT_FIELDS} } }
}`;

/** The newest notices of one inbox: a notice just delivered is among them. */
export const NEWEST_RECEIVED = `query BenchInbox($code: ID!) {
  receivedNotices(cityCodes: [$code], first: 10) { edges { node { incidentId } } }
}`;

export const SEND_BULLETIN = `mutation BenchBulletin($cityCode: ID!, $key: ID!, $input: SendBulletinInput!) {
  sendBulletin(cityCode: $cityCode, idempotencyKey: $key, input: $input) { id }
}`;

/** A reportIncident body with a fresh idempotency key (each one writes a new incident). */
export function reportIncidentBody(n: number): string {
  return requestBody(REPORT_INCIDENT, {
    cityCode: REPORTER,
    key: randomUUID(),
    input: {
      title: `bench 琼江柴油泄漏 #${n}`,
      description: '罐车侧翻，约 2 吨柴油入河',
      occurredAt: '2026-05-01T08:30:00+08:00',
      location: { longitude: 105.56, latitude: 30.21 },
      riverId: 'qiongjiang',
      nearestSectionId: 'qiongjiang-daan',
      facts: { crossBorder: 'PROVINCIAL' },
      extraRecipients: [EXTRA_RECIPIENT],
    },
  });
}

export function sendBulletinBody(n: number): string {
  return requestBody(SEND_BULLETIN, {
    cityCode: REPORTER,
    key: randomUUID(),
    input: { category: 'MONITORING', title: `bench 监测信息 #${n}`, body: '琼江光辉断面自动站小时值', recipients: [BACKLOG_RECIPIENT] },
  });
}
