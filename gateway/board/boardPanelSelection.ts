/**
 * What the board's panels are about: the selected cross-border section and station. A click on the
 * map's section or station markers (boardOption.ts series `sections` and `stations-*`, whose data
 * carry the section id and the station's global id) selects one; on arrival the panels open with
 * the first cross-border section and the station of the latest over-limit alarm (else of the latest
 * alarm, else the first water station), so they show data before anyone clicks. Pure (no DOM).
 */

export type PanelSelection =
  | { readonly kind: 'section'; readonly id: string }
  | { readonly kind: 'station'; readonly id: string };

/** The bureaus, the cross-border sections' rivers, and candidate stations to open the panels with. */
export const PANEL_CONTEXT_QUERY = `query BoardPanelContext {
  cities { code name }
  sections(crossBorderOnly: true) { id name river { id } }
  alarms(first: 50) { edges { node { kind station { id } } } }
  stations(kind: WATER_QUALITY, first: 1) { edges { node { id } } }
}`;

export interface PanelContextAnswer {
  readonly cities?: ReadonlyArray<{ readonly code: string; readonly name: string }> | null;
  readonly sections?: ReadonlyArray<{ readonly id: string; readonly name: string; readonly river: { readonly id: string } }> | null;
  readonly alarms?: { readonly edges: ReadonlyArray<{ readonly node: { readonly kind: string; readonly station: { readonly id: string } | null } }> } | null;
  readonly stations?: { readonly edges: ReadonlyArray<{ readonly node: { readonly id: string } }> } | null;
}

/** The map click's selection, or null for a click on anything else (an area, a bureau pin, a flow line). */
export function selectionFromClick(params: { readonly seriesId?: string | null; readonly data?: unknown }): PanelSelection | null {
  const id = (params.data as { id?: unknown } | null | undefined)?.id;
  if (typeof id !== 'string' || id === '') return null;
  if (params.seriesId === 'sections') return { kind: 'section', id };
  if (params.seriesId?.startsWith('stations-')) return { kind: 'station', id };
  return null;
}

/** The section and station the panels open with (null when the graph gave none). */
export function initialSelection(answer: PanelContextAnswer): { readonly sectionId: string | null; readonly stationId: string | null } {
  const alarms = answer.alarms?.edges.map((e) => e.node).filter((n) => n.station) ?? [];
  const alarmStation = (alarms.find((n) => n.kind === 'OVER_LIMIT') ?? alarms[0])?.station?.id;
  return {
    sectionId: answer.sections?.[0]?.id ?? null,
    stationId: alarmStation ?? answer.stations?.edges[0]?.node.id ?? null,
  };
}
