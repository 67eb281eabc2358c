import { decodeGlobalId } from '../../../schema/globalId.ts';

/**
 * A station as the event protocol names it (schema/events/bureauEvents.ts): by its local id, the
 * bureau being the feed's own. The bureau's records hold global ids (Station:cityCode:localId); the
 * gateway encodes the local id back into the global id it resolves through the graph.
 */
export function eventStationId(stationId: string): string {
  const parts = decodeGlobalId(stationId);
  return parts?.type === 'Station' ? parts.localId : stationId;
}
