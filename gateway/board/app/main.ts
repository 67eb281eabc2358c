/**
 * The situation board in the browser: asks the gateway's public graph (POST /graphql, this origin)
 * for the bureaus, the cross-border sections with last month's assessment and the stations, shapes
 * the answers (../boardOption.ts) and draws them with ECharts over the bureaus' boundaries.
 * A token typed into the header field is sent as `Authorization: Bearer …` and kept only in the page
 * (never stored); the public layers need none.
 *
 * The live layers (./boardLive.ts) arrive over graphql-sse and redraw the map as they change.
 *
 * For tests the map element carries what it shows: data-state (loading | ready | error),
 * data-bureaus and data-sections (JSON arrays of names, read back from the option drawn),
 * data-stations (a count), data-alarmed (ids of the stations drawn in the alarm colour),
 * data-bureau-status (name → state), data-incidents (each with its notices' states) and
 * data-resources; data-live is the live connection (connected | reconnecting | disconnected | connecting).
 */
import * as echarts from 'echarts/core';
import { LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import areas from 'virtual:board-areas';
import { lastFullMonth } from '../../ide/app/examples.ts';
import { BOARD_MAP, boardOption, optionSummary, type BoardInput } from '../boardOption.ts';
import { REGION_QUERY, STATIONS_QUERY, type BoardStation, type RegionAnswer, type StationsAnswer } from '../boardQueries.ts';
import { BoardLive, type GraphAnswer } from './boardLive.ts';
import { renderLivePanel, showConnection } from './livePanel.ts';
import { mountBoardPanels } from './panels/mountBoardPanels.ts';
import './board.css';

echarts.use([GeoComponent, TooltipComponent, LegendComponent, ScatterChart, LinesChart, CanvasRenderer]);
echarts.registerMap(BOARD_MAP, areas as unknown as Parameters<typeof echarts.registerMap>[1]);

const mapElement = document.getElementById('map')!;
const statusElement = document.getElementById('status')!;
const tokenInput = document.getElementById('token') as HTMLInputElement;
const chart = echarts.init(mapElement, undefined, { renderer: 'canvas' });
window.addEventListener('resize', () => chart.resize());

/** Most station pages asked for at once (100 each). */
const MAX_STATION_PAGES = 10;

const liveBadge = document.getElementById('live')!;
const livePanel = document.getElementById('side')!;
const tokenValue = () => tokenInput.value.trim().replace(/^Bearer\s+/i, '');

async function ask<T>(query: string, variables: Record<string, unknown>): Promise<GraphAnswer<T>> {
  const token = tokenValue();
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphAnswer<T>;
  } catch {
    throw new Error(`HTTP ${response.status} from /graphql, not GraphQL JSON`);
  }
}

function setStatus(state: 'loading' | 'ready' | 'error', text: string): void {
  statusElement.dataset['state'] = state;
  statusElement.textContent = text;
  mapElement.dataset['state'] = state;
}

/** What the load asked (the static layers); the live layers are drawn over it. */
let base: Omit<BoardInput, 'live' | 'selected'> | null = null;
let drawn = false;
let redrawScheduled = false;

const live = new BoardLive({
  ask,
  token: tokenValue,
  onChange: () => scheduleRedraw(),
  onConnection: (state, note) => {
    showConnection(liveBadge, state, note);
    mapElement.dataset['live'] = state;
  },
  onExpired: () => void load(),
});

/** Redraws once per frame however many events arrived; merged into the drawn option, so zoom and pan stay. */
function scheduleRedraw(): void {
  if (redrawScheduled) return;
  redrawScheduled = true;
  requestAnimationFrame(() => {
    redrawScheduled = false;
    if (base) draw(base);
  });
}

function draw(input: Omit<BoardInput, 'live' | 'selected'>): void {
  chart.setOption(boardOption({ ...input, live: live.layer(), selected: live.selected() }), { notMerge: !drawn });
  drawn = true;
  const shown = optionSummary(chart.getOption() as { series?: unknown });
  mapElement.dataset['bureaus'] = JSON.stringify(shown.bureaus);
  mapElement.dataset['sections'] = JSON.stringify(shown.sections);
  mapElement.dataset['stations'] = String(shown.stations);
  mapElement.dataset['alarmed'] = JSON.stringify(shown.alarmed);
  mapElement.dataset['bureauStatus'] = JSON.stringify(shown.bureauStatus);
  mapElement.dataset['incidents'] = JSON.stringify(shown.incidents);
  mapElement.dataset['resources'] = JSON.stringify(shown.resources);
  renderLivePanel(livePanel, {
    cities: input.cities, layer: live.layer(), selected: live.selected(), hasToken: tokenValue() !== '',
    onSelect: (id) => void live.select(id),
  });
}

chart.on('click', (params: { seriesId?: string; data?: unknown }) => {
  const id = (params.data as { id?: unknown } | undefined)?.id;
  if (params.seriesId === 'incidents' && typeof id === 'string') void live.select(id);
});

async function load(): Promise<void> {
  setStatus('loading', '加载中… Loading');
  const period = lastFullMonth(new Date());
  document.getElementById('period')!.textContent = `断面考核期 ${period}（北京时间）`;
  try {
    const region = await ask<RegionAnswer>(REGION_QUERY, { period });
    if (!region.data) throw new Error(region.errors?.[0]?.message ?? 'no data');
    const stations: BoardStation[] = [];
    let after: string | null = null;
    let stationsFailed = false;
    const stationErrors: Array<NonNullable<GraphAnswer<unknown>['errors']>[number]> = [];
    for (let page = 0; page < MAX_STATION_PAGES; page++) {
      const answer: GraphAnswer<StationsAnswer> = await ask<StationsAnswer>(STATIONS_QUERY, { after });
      stationErrors.push(...(answer.errors ?? []));
      if (!answer.data) {
        stationsFailed = true; // the map still shows the bureaus and sections
        break;
      }
      stations.push(...answer.data.stations.edges.map((e) => e.node));
      if (!answer.data.stations.pageInfo.hasNextPage) break;
      after = answer.data.stations.pageInfo.endCursor;
    }
    base = { cities: region.data.cities, sections: region.data.sections, stations, period };
    drawn = false;
    // The bureaus' states start from what this load's answers say of them; the stream tells the changes.
    await live.start(region.data.cities.map((c) => c.code), [...(region.errors ?? []), ...stationErrors]);
    draw(base);
    const shown = optionSummary(chart.getOption() as { series?: unknown });
    const partial = (region.errors?.length ?? 0) > 0 || stationsFailed ? '（部分数据不可用 / partial）' : '';
    setStatus('ready', `${shown.bureaus.length} 个局 · ${shown.sections.length} 个跨界断面 · ${shown.stations} 个站点${partial}`);
  } catch (error) {
    setStatus('error', `加载失败 Failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

document.getElementById('reload')!.addEventListener('click', () => void load());
void load();
mountBoardPanels({ root: document.getElementById('panels')!, map: chart, ask });
