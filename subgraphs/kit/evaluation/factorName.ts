/** A factor's display name: the station's own name for it when it has one, else the standard's. */
import type { StationRecord } from '../model.ts';
import { pollutantName } from '../../standards/index.ts';

export function factorName(code: string, station?: StationRecord): string {
  return station?.factors.find((f) => f.code.toLowerCase() === code.toLowerCase())?.name ?? pollutantName(code).zh;
}
