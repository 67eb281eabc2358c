import { describe, expect, it } from 'vitest';
import { caseTimeline } from '../../../devtools/demo-world/caseTimeline.ts';
import { createRng } from '../../../devtools/demo-world/createRng.ts';

const DAY = 86_400_000;
const FILED = Date.parse('2024-03-15T10:00:00+08:00');

describe('caseTimeline', () => {
  it('walks a general case from registration to closing as time passes', () => {
    const at = (days: number) => caseTimeline(createRng('t'), { filedAt: FILED, until: FILED + days * DAY, procedure: 'GENERAL', outcome: 'ORDINARY', warningOnly: false });
    expect(at(0).status).toBe('REGISTERED');
    expect(at(0).dates.informedAt).toBeNull();
    expect(at(365).status).toBe('CLOSED');
    const seen = [0, 5, 20, 40, 60, 75, 90, 120, 365].map((d) => at(d).status);
    const order = ['REGISTERED', 'INVESTIGATING', 'REVIEWING', 'NOTIFIED', 'LEGAL_REVIEW', 'DECIDED', 'EXECUTING', 'CLOSED'];
    expect(seen.map((s) => order.indexOf(s))).toEqual([...seen.map((s) => order.indexOf(s))].sort((a, b) => a - b));
  });

  it('decides a simplified case on the spot', () => {
    const t = caseTimeline(createRng('s'), { filedAt: FILED, until: FILED + DAY, procedure: 'SIMPLIFIED', outcome: 'ORDINARY', warningOnly: true });
    expect(['DECIDED', 'EXECUTING', 'CLOSED']).toContain(t.status);
    expect(t.dates.decidedAt! - FILED).toBeLessThan(3_600_000);
    expect(t.dates.hearingRequestedAt).toBeNull();
  });

  it('never closes a revoked decision and leaves transferred or unregistered cases without stage dates', () => {
    const revoked = caseTimeline(createRng('r'), { filedAt: FILED, until: FILED + 400 * DAY, procedure: 'GENERAL', outcome: 'REVOKED', warningOnly: false });
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.dates.decidedAt).not.toBeNull();
    expect(revoked.dates.closedAt).toBeNull();
    for (const outcome of ['TRANSFERRED', 'NOT_REGISTERED'] as const) {
      const t = caseTimeline(createRng('x'), { filedAt: FILED, until: FILED + 400 * DAY, procedure: 'GENERAL', outcome, warningOnly: false });
      expect(t.status).toBe(outcome);
      expect(Object.values(t.dates).every((d) => d === null)).toBe(true);
    }
  });
});
