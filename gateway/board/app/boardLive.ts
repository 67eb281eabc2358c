/**
 * The board's live side in the browser: the subscriptions it holds over graphql-sse on this origin
 * (alarms, readings and bureau states for everyone; with a token, notices to the token's bureau and
 * the changes of the selected incident), the open incidents and the resources near the selected one
 * (queries, with a token), folded into one LiveLayer the page redraws from.
 *
 * At most five streams are open at once (three public, two with a token): a browser opens six
 * HTTP/1.1 connections per origin, and the page's queries need the sixth.
 */
import { bureauStatusesFromAnswer, emptyLiveLayer, withAlarm, withBureauStatus, withIncident, withReading, type LiveLayer } from '../boardLiveLayer.ts';
import {
  ALARMS_SUBSCRIPTION, BUREAU_STATUS_SUBSCRIPTION, INCIDENTS_QUERY, INCIDENT_SUBSCRIPTION, NOTICES_SUBSCRIPTION, READINGS_SUBSCRIPTION, RESOURCES_NEAR_QUERY,
  type AlarmsEvent, type BoardIncident, type BureauStatusEvent, type IncidentEvent, type IncidentsAnswer, type NoticesEvent, type ReadingsEvent, type ResourcesAnswer,
} from '../boardLiveOperations.ts';
import type { SelectedIncident } from '../boardLiveSeries.ts';
import { openLiveStream, overallState, type LiveConnectionState, type LiveStream } from '../boardLiveStream.ts';

/** How far around an incident resources are looked for (km). */
export const RESOURCE_RADIUS_KM = 100;
const STREAM_URL = '/graphql/stream';

export interface GraphAnswer<T> {
  readonly data?: T | null;
  readonly errors?: ReadonlyArray<{ readonly message: string; readonly extensions?: Readonly<Record<string, unknown>> }>;
}
export type Ask = <T>(query: string, variables: Record<string, unknown>) => Promise<GraphAnswer<T>>;

export interface BoardLiveOptions {
  readonly ask: Ask;
  /** The bearer token typed in the page ('' = none). */
  readonly token: () => string;
  /** Told after every change of the layer or the selection. */
  onChange(): void;
  /** Told of the page's connection state and, for a stream that ended, why. */
  onConnection(state: LiveConnectionState, note: string): void;
  /** A stream ended because the bureaus no longer keep the events after its position: re-query everything. */
  onExpired(): void;
}

export class BoardLive {
  #layer: LiveLayer = emptyLiveLayer();
  #selected: SelectedIncident | null = null;
  readonly #streams = new Map<string, LiveStream>();
  readonly #states = new Map<string, LiveConnectionState>();
  readonly #notes = new Map<string, string>();
  #generation = 0;

  constructor(private readonly options: BoardLiveOptions) {}

  layer(): LiveLayer {
    return this.#layer;
  }

  selected(): SelectedIncident | null {
    return this.#selected;
  }

  /**
   * (Re)starts everything for the current token: bureau states from the load's answer, the streams,
   * and with a token the open incidents. What was learnt before is dropped (the load re-asked it).
   */
  async start(cityCodes: readonly string[], loadErrors: GraphAnswer<unknown>['errors']): Promise<void> {
    this.stop();
    const generation = ++this.#generation;
    this.#layer = emptyLiveLayer();
    for (const [code, status] of bureauStatusesFromAnswer(cityCodes, loadErrors ?? [])) this.#layer = withBureauStatus(this.#layer, code, status);
    this.#open<AlarmsEvent>('alarms', ALARMS_SUBSCRIPTION, {}, (data) => {
      if (data.alarmRaised) this.#update(withAlarm(this.#layer, data.alarmRaised.alarm));
    });
    this.#open<ReadingsEvent>('readings', READINGS_SUBSCRIPTION, {}, (data) => {
      const event = data.readingReported;
      if (event) this.#update(withReading(this.#layer, event.station, event.reading));
    });
    this.#open<BureauStatusEvent>('bureaus', BUREAU_STATUS_SUBSCRIPTION, {}, (data) => {
      const event = data.bureauStatusChanged;
      if (event) this.#update(withBureauStatus(this.#layer, event.cityCode, event.status));
    });
    this.options.onChange();
    if (!this.options.token()) return;
    this.#open<NoticesEvent>('notices', NOTICES_SUBSCRIPTION, {}, (data) => {
      const incident = data.noticeReceived?.notice?.incident;
      if (!incident) return;
      this.#update(withIncident(this.#layer, incident));
      // A new notice is what someone watching the board wants to see first: select it unless one is selected.
      if (this.#selected === null && incident.status === 'OPEN') void this.select(incident.id);
    }, true);
    const answer = await this.options.ask<IncidentsAnswer>(INCIDENTS_QUERY, {}).catch(() => null);
    if (generation !== this.#generation) return;
    // Incidents the caller may not read are absent: a refusal or failure leaves the layer without them.
    for (const edge of answer?.data?.incidents?.edges ?? []) this.#layer = withIncident(this.#layer, edge.node);
    this.options.onChange();
  }

  /** Selects an incident: its nearest resources are asked for and its changes followed (one at a time). */
  async select(incidentId: string | null): Promise<void> {
    this.#close('incident');
    const incident = incidentId === null ? undefined : this.#layer.incidents.get(incidentId);
    this.#selected = incident ? { incident, resources: null } : null;
    this.options.onChange();
    if (!incident) return;
    this.#open<IncidentEvent>('incident', INCIDENT_SUBSCRIPTION, { id: incident.id }, (data) => {
      const changed = data.incidentUpdated?.incident;
      if (!changed) return;
      this.#update(withIncident(this.#layer, changed));
      if (this.#selected?.incident.id === changed.id) this.#selected = changed.status === 'OPEN' ? { ...this.#selected, incident: changed } : null;
      this.options.onChange();
    }, true);
    const answer = await this.options.ask<ResourcesAnswer>(RESOURCES_NEAR_QUERY, { near: incident.location, radiusKm: RESOURCE_RADIUS_KM }).catch(() => null);
    if (this.#selected?.incident.id !== incident.id) return;
    // Without emergency:read the connection is null: no resources are shown, and no error either.
    this.#selected = { ...this.#selected, resources: answer?.data?.emergencyResources?.edges.map((e) => e.node) ?? [] };
    this.options.onChange();
  }

  stop(): void {
    for (const name of [...this.#streams.keys()]) this.#close(name);
    this.#selected = null;
  }

  #update(layer: LiveLayer): void {
    this.#layer = layer;
    this.options.onChange();
  }

  /**
   * Opens one stream. An optional one (needing a token) that the gateway refuses — a token without a
   * bureau for noticeReceived, say — is left out of the page's state with a note, not shown as a
   * broken connection.
   */
  #open<T>(name: string, query: string, variables: Record<string, unknown>, onData: (data: T) => void, optional = false): void {
    const token = this.options.token();
    let alive = true;
    const stream = openLiveStream<T>({
      url: STREAM_URL,
      query,
      variables,
      headers: (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}),
      onData,
      onState: (state, detail) => {
        if (!alive) return;
        if (state === 'disconnected' && detail === 'EVENTS_EXPIRED') {
          this.options.onExpired();
          return;
        }
        if (state === 'disconnected' && optional && detail !== undefined && /^[A-Z_]+$/.test(detail)) {
          this.#states.delete(name);
          this.#notes.set(name, detail);
        } else {
          this.#states.set(name, state);
          if (detail) this.#notes.set(name, detail);
        }
        this.#report();
      },
    });
    this.#streams.set(name, { lastEventId: () => stream.lastEventId(), close: () => { alive = false; stream.close(); } });
  }

  #close(name: string): void {
    this.#streams.get(name)?.close();
    this.#streams.delete(name);
    this.#states.delete(name);
    this.#notes.delete(name);
    this.#report();
  }

  #report(): void {
    const notes = [...this.#notes].map(([name, note]) => `${name}: ${note}`).join('；');
    this.options.onConnection(overallState(this.#states.values()), notes);
  }
}

export type { BoardIncident };
