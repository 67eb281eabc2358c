/**
 * Resident memory of a process, read from /proc (Linux): what a gateway holds at start and under
 * load. Elsewhere the readings are simply absent.
 */
import { readFileSync } from 'node:fs';

/** `rss` now and `peak` (VmHWM, the most since the process started), in MiB; null when unreadable. */
export function processRssMiB(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const rss = kib('VmRSS');
    const peak = kib('VmHWM');
    return Number.isNaN(rss) ? null : { rss: rss / 1024, peak: peak / 1024 };
  } catch {
    return null;
  }
}

/**
 * Samples a process's RSS every `intervalMs` until stopped; `stop()` gives the largest sample
 * (MiB), or null when none could be read.
 */
export function sampleRss(pid: number, intervalMs = 250): { stop(): number | null } {
  let max: number | null = null;
  const sample = () => {
    const rss = processRssMiB(pid)?.rss;
    if (rss !== undefined) max = Math.max(max ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return max;
    },
  };
}
