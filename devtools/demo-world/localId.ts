/** Bureau-local ids such as P0001, ST0001, C0001, JP0001, R0001 (wider past 9999, still ASCII-sortable per width). */
export function localId(prefix: string, n: number): string {
  return prefix + String(n).padStart(4, '0');
}

/** How many of something a scale gives: `base × scale`, rounded, but never fewer than `min`. */
export function scaled(base: number, scale: number, min = 1): number {
  return Math.max(min, Math.round(base * scale));
}
