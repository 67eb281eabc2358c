/**
 * Reads a V8 CPU profile (`node --cpu-prof`, the `.cpuprofile` JSON) and sums, per function, its
 * self time (samples taken in it) and its inclusive time (samples with it anywhere on the stack,
 * counted once per sample however deep it recurses), plus the same per place (a package of
 * node_modules, a folder of this repository, Node's own internals). Idle time is left out of every
 * share, so "%" is a share of the process's busy time in the window. A window (ms from the profile's
 * start) keeps start-up out of a profile of load.
 */

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface ProfileRow {
  readonly name: string;
  readonly where: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

export interface ProfileSummary {
  /** Busy (non-idle) time sampled in the window, ms. */
  readonly busyMs: number;
  readonly windowMs: number;
  readonly functions: readonly ProfileRow[];
  readonly places: readonly ProfileRow[];
  /** Busy ms per second of the profile, to choose a window. */
  readonly timeline: readonly number[];
}

export interface SummaryWindow {
  readonly fromMs?: number;
  readonly toMs?: number;
}

const IDLE = '(idle)';

export function profileSummary(profile: CpuProfile, window: SummaryWindow = {}): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const functions = new Map<string, { name: string; where: string; self: number; total: number }>();
  const places = new Map<string, { name: string; where: string; self: number; total: number }>();
  const timeline: number[] = [];
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const fromUs = (window.fromMs ?? 0) * 1000;
  const toUs = (window.toMs ?? Number.POSITIVE_INFINITY) * 1000;
  let at = 0;
  let busy = 0;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    // A sample's time is the gap to the next one (the last sample gets the mean gap).
    const dt = (deltas[i + 1] ?? (profile.endTime - profile.startTime) / Math.max(samples.length, 1)) / 1000;
    const leaf = byId.get(samples[i]!);
    if (!leaf || leaf.callFrame.functionName === IDLE) continue;
    const second = Math.floor(at / 1e6);
    timeline[second] = (timeline[second] ?? 0) + dt;
    if (at < fromUs || at > toUs) continue;
    busy += dt;
    const seenFunctions = new Set<string>();
    const seenPlaces = new Set<string>();
    for (let node: CpuProfileNode | undefined = leaf; node; node = byId.get(parentOf.get(node.id) ?? -1)) {
      const isLeaf = node === leaf;
      add(functions, seenFunctions, functionKey(node), () => ({ name: node!.callFrame.functionName || '(anonymous)', where: whereOf(node!) }), dt, isLeaf);
      const place = placeOf(node);
      add(places, seenPlaces, place, () => ({ name: place, where: '' }), dt, isLeaf);
    }
  }
  const rows = (m: typeof functions) => [...m.values()].map(({ name, where, self, total }) => ({ name, where, selfMs: self, totalMs: total }));
  return {
    busyMs: busy,
    windowMs: (Math.min(toUs, profile.endTime - profile.startTime) - fromUs) / 1000,
    functions: rows(functions),
    places: rows(places),
    timeline: Array.from(timeline, (ms) => ms ?? 0),
  };
}

function add(
  into: Map<string, { name: string; where: string; self: number; total: number }>, seen: Set<string>, key: string,
  make: () => { name: string; where: string }, dt: number, isLeaf: boolean,
): void {
  let row = into.get(key);
  if (!row) {
    row = { ...make(), self: 0, total: 0 };
    into.set(key, row);
  }
  if (isLeaf) row.self += dt;
  if (!seen.has(key)) {
    seen.add(key);
    row.total += dt;
  }
}

function functionKey(node: CpuProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName}\u0000${url}\u0000${lineNumber}`;
}

function whereOf(node: CpuProfileNode): string {
  const { url, lineNumber } = node.callFrame;
  if (url === '') return '';
  return `${shortPath(url)}:${lineNumber + 1}`;
}

/** `node_modules/<package>`, a folder of this repository, `node:` internals, or V8's own entries. */
export function placeOf(node: CpuProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const path = shortPath(url);
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.slice(0, -1).join('/') || path;
}

function shortPath(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules + 'node_modules/'.length);
  const repo = /\/(gateway|subgraphs|schema|bench|devtools)\//.exec(path);
  return repo ? path.slice(repo.index + 1) : path;
}
