import { describe, expect, it } from 'vitest';
import { MIN_EVENT_RETENTION_MS } from '../../../schema/events/bureauEvents.ts';
import { bureauFileSchema } from '../../../subgraphs/config/subgraphConfigSchema.ts';

const file = { code: '510900', bureau: '遂宁市生态环境局', port: 4101, source: { kind: 'sqlite' } };

describe('a bureau\'s events settings', () => {
  it('default to 72 h of retention and a 5 s readings poll', () => {
    expect(bureauFileSchema.parse(file).events).toEqual({ retentionMs: 72 * 3_600_000, pollIntervalMs: 5_000 });
  });

  it('refuse a retention below the protocol\'s 24 h, and unknown keys', () => {
    const short = bureauFileSchema.safeParse({ ...file, events: { retentionMs: MIN_EVENT_RETENTION_MS - 1 } });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('must be at least 86400000 (24 h)');
    expect(bureauFileSchema.safeParse({ ...file, events: { retention: 1 } }).success).toBe(false);
    expect(bureauFileSchema.parse({ ...file, events: { retentionMs: 7 * 86_400_000 } }).events.retentionMs).toBe(7 * 86_400_000);
  });
});
