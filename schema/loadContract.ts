/**
 * Reads the SDL source of truth from schema/. The city contract is split by domain; every bureau
 * serves the concatenation unchanged, and the gateway checks bureaus against the same text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse, type DocumentNode, type ParseOptions } from 'graphql';

const CONTRACT_DIR = new URL('./contract/', import.meta.url);
const REGION_FILE = new URL('./region.graphql', import.meta.url);

/** The city contract as one SDL string, files in name order (common.graphql defines `type Query`). */
export function loadContractSdl(): string {
  return readdirSync(CONTRACT_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(new URL(name, CONTRACT_DIR), 'utf8'))
    .join('\n');
}

/**
 * `{ noLocation: true }` for a process that keeps the document and never reports positions in it (the
 * gateway): the tokens and locations of the contract's ~180 KB are about 3 MB of its memory.
 */
export function loadContract(options?: ParseOptions): DocumentNode {
  return parse(loadContractSdl(), options);
}

export function loadRegionSdl(): string {
  return readFileSync(REGION_FILE, 'utf8');
}

export function loadRegion(options?: ParseOptions): DocumentNode {
  return parse(loadRegionSdl(), options);
}
