import { decodeGlobalId } from '../../schema/globalId.ts';

/**
 * The legacy system's own primary key of an imported record: the local part of its global id
 * (e.g. 'C0001'). The legacy system never saw global ids; it only had these.
 */
export function localIdOf(globalId: string): string {
  const parts = decodeGlobalId(globalId);
  if (!parts) throw new TypeError(`not a global id: ${globalId}`);
  return parts.localId;
}
