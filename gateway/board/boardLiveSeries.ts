/**
 * The live layers of the board's ECharts option (boardOption.ts adds them): the colour and label of
 * each bureau state, a station's alarm or latest reading, the open incidents with their notices'
 * delivery states, and, for a selected incident, the emergency resources near it with their
 * distance. Chinese first. Pure (no DOM, no ECharts import).
 */
import type { BoardAlarm, BoardIncident, BoardReading, BoardResource, BureauStatus, NoticeState } from './boardLiveOperations.ts';
import type { GeoPoint } from './boardQueries.ts';
import { formatChinaTime } from './formatChinaTime.ts';

/** A station or pollution source with an alarm (red-magenta: apart from the GB 3838 and HJ 633 reds). */
export const ALARM_COLOR = '#FF00AA';
export const INCIDENT_COLOR = '#FF4500';
export const RESOURCE_COLOR = '#00E5FF';

export const BUREAU_STATUS_STYLE: Readonly<Record<BureauStatus | 'UNKNOWN', { readonly color: string; readonly label: string }>> = {
  UP: { color: '#2ECC71', label: '在线 Up' },
  DEGRADED: { color: '#F1C40F', label: '数据系统故障 Degraded' },
  DOWN: { color: '#E74C3C', label: '无法连接 Down' },
  OFF_CONTRACT: { color: '#9B59B6', label: '不符合合约 Off contract' },
  DISABLED: { color: '#7F8C8D', label: '已停用 Disabled' },
  UNKNOWN: { color: '#6fa8dc', label: '状态未知 Unknown' },
};

export const NOTICE_STATE_LABEL: Readonly<Record<NoticeState, string>> = {
  PENDING: '待送达', DELIVERED: '已送达', ACKNOWLEDGED: '已签收',
};

const SEVERITY_LABEL: Readonly<Record<string, string>> = { INFO: '提示', WARNING: '警告', CRITICAL: '严重' };

const point = (p: GeoPoint) => [p.longitude, p.latitude];

/** Text from the bureaus (an incident's title, a resource's name) as it may go into a tooltip, which ECharts renders as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a station's tooltip adds for its alarm: severity, factor and the rule's reason, with the time in China time. */
export function alarmText(alarm: BoardAlarm): string {
  const factor = alarm.name ?? alarm.code ?? '';
  return `告警（${SEVERITY_LABEL[alarm.severity] ?? alarm.severity}）${escapeHtml(factor)} ${escapeHtml(alarm.reason)}，自 ${formatChinaTime(alarm.from)}`;
}

/** A reading's values as a short line: "二氧化硫 900 mg/m³, …" (at most four factors). */
export function readingText(reading: BoardReading): string {
  const values = reading.values.filter((v) => v.value !== null).slice(0, 4).map((v) => escapeHtml(`${v.name} ${v.value} ${v.unit}`));
  return `最新 ${formatChinaTime(reading.time)}：${values.join('，') || '无有效值'}`;
}

/** One incident's notices, e.g. "潼南区 已送达；泸州市 待送达" (recipients by name where known). */
export function noticesText(incident: BoardIncident, cityNames: ReadonlyMap<string, string>): string {
  if (incident.notices.length === 0) return '无通报';
  return incident.notices.map((n) => `${cityNames.get(n.recipientCityCode) ?? n.recipientCityCode} ${NOTICE_STATE_LABEL[n.state]}`).join('；');
}

export function incidentTooltip(incident: BoardIncident, cityNames: ReadonlyMap<string, string>): string {
  const grade = incident.grade ? `${incident.grade.name}（${incident.grade.level} 级）` : '未分级';
  const reporter = cityNames.get(incident.cityCode) ?? incident.cityCode;
  return `${escapeHtml(incident.title)}<br/>${reporter}报告 · ${formatChinaTime(incident.occurredAt)} · ${grade}<br/>通报：${noticesText(incident, cityNames)}`;
}

export interface SelectedIncident {
  readonly incident: BoardIncident;
  /** The nearest resources (null while asked, or when the caller may not read them). */
  readonly resources: readonly BoardResource[] | null;
}

/** The incidents series (a pin each; the selected one larger) and, for the selection, its resources and the lines to them. */
export function incidentSeries(incidents: readonly BoardIncident[], selected: SelectedIncident | null, cityNames: ReadonlyMap<string, string>): Array<Record<string, unknown>> {
  const series: Array<Record<string, unknown>> = [{
    id: 'incidents', name: '突发环境事件', type: 'scatter', coordinateSystem: 'geo', symbol: 'pin', z: 8,
    itemStyle: { color: INCIDENT_COLOR },
    data: incidents.map((i) => ({
      name: i.title, id: i.id, value: point(i.location), symbolSize: selected?.incident.id === i.id ? 34 : 24,
      notices: i.notices.map((n) => ({ recipientCityCode: n.recipientCityCode, state: n.state })),
      tooltip: { formatter: incidentTooltip(i, cityNames) },
    })),
  }];
  const resources = selected?.resources ?? [];
  series.push(
    {
      id: 'resources', name: '应急资源', type: 'scatter', coordinateSystem: 'geo', symbol: 'rect', symbolSize: 8, z: 7,
      itemStyle: { color: RESOURCE_COLOR },
      data: resources.map((r) => ({
        name: r.name, id: r.id, value: point(r.location), cityCode: r.cityCode, distanceKm: r.distanceKm,
        tooltip: { formatter: `${escapeHtml(r.name)}（${cityNames.get(r.cityCode) ?? r.cityCode}）<br/>${r.quantity} ${r.unit}${r.distanceKm === null ? '' : ` · 距事发点 ${r.distanceKm.toFixed(1)} 公里`}` },
      })),
    },
    {
      id: 'resourceLinks', name: '应急资源', type: 'lines', coordinateSystem: 'geo', z: 6, silent: true,
      lineStyle: { color: RESOURCE_COLOR, width: 1, opacity: 0.6, type: 'dashed' },
      data: selected ? resources.map((r) => ({ coords: [point(selected.incident.location), point(r.location)] })) : [],
    },
  );
  return series;
}
