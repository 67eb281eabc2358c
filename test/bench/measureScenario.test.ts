import { describe, expect, it } from 'vitest';
import { combineMeasurements } from '../../bench/measureScenario.ts';
import type { Measurement } from '../../bench/measureTarget.ts';

const round = (rps: number, p99: number, cpu: number, rss: number, failures = 0): Measurement => ({
  connections: 10, seconds: 5, requests: rps * 5, requestsPerSecond: rps, p50Ms: 1000 / rps, p90Ms: p99 / 2, p99Ms: p99, maxMs: p99 * 2,
  failures, cpuMsPerRequest: { gateway: cpu, bureaus: cpu / 2 }, otherCpuShare: rss / 10_000, rssMaxMiB: rss,
});

describe('combineMeasurements', () => {
  it('reports the median round for speed, the most memory, every request and every failure', () => {
    const combined = combineMeasurements([round(1000, 9, 0.5, 250), round(600, 30, 0.9, 260, 2), round(1100, 8, 0.45, 255)]);
    expect(combined).toMatchObject({
      requestsPerSecond: 1000, p99Ms: 9, requests: 13_500, seconds: 15, failures: 2, rssMaxMiB: 260, maxMs: 60,
      cpuMsPerRequest: { gateway: 0.5, bureaus: 0.25 },
    });
    expect(combined.otherCpuShare).toBeCloseTo(0.026);
  });
});
