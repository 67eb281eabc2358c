/**
 * The bureaus an incident on a river must be notified to: every cross-border section of that river
 * whose upstream bureau is the reporter names a downstream bureau; that bureau's own cross-border
 * sections name the next ones, transitively (琼江: 遂宁 → 潼南 → …). Never the reporter itself, even
 * where a river crosses back. Pure; `sections` are the region's sections of the river.
 */
export interface RiverSection {
  readonly upstream: string | null;
  readonly downstream: string | null;
}

export function downstreamBureaus(reporter: string, sections: readonly RiverSection[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const { upstream, downstream } of sections) {
    if (upstream === null || downstream === null || upstream === downstream) continue;
    const set = next.get(upstream) ?? new Set<string>();
    set.add(downstream);
    next.set(upstream, set);
  }
  const reached = new Set<string>([reporter]);
  const queue = [reporter];
  while (queue.length > 0) {
    for (const bureau of next.get(queue.shift() as string) ?? []) {
      if (reached.has(bureau)) continue;
      reached.add(bureau);
      queue.push(bureau);
    }
  }
  reached.delete(reporter);
  return [...reached].sort();
}
