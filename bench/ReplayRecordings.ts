/**
 * What the record-replay bureaus (bench/replayBureaus.ts) keep: a real bureau's answer to each
 * request the bench's targets sent it, keyed by bureau, path and the exact request body. Recording
 * keeps the first answer to a key (the bench's queries read; they do not change data between
 * passes). A request that was never recorded has no answer: the server says so as an error, never
 * with an empty answer that a gateway could merge into a plausible result.
 */

export interface RecordedAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

export type ReplayMode = 'record' | 'replay';

export interface ReplayStats {
  readonly mode: ReplayMode;
  /** Distinct requests recorded so far. */
  readonly recorded: number;
  /** Requests passed to a real bureau while recording. */
  readonly forwarded: number;
  /** Requests answered from a recording. */
  readonly replayed: number;
  /** Requests in replay mode with no recording (each answered with an error). */
  readonly misses: number;
  /** Requests refused for their gateway token (each answered 401). */
  readonly refused: number;
}

export class ReplayRecordings {
  private readonly answers = new Map<string, RecordedAnswer>();
  private counts = { forwarded: 0, replayed: 0, misses: 0, refused: 0 };
  mode: ReplayMode = 'record';

  static key(bureau: string, path: string, body: string): string {
    return `${bureau} ${path}\n${body}`;
  }

  record(key: string, answer: RecordedAnswer): void {
    this.counts.forwarded++;
    if (!this.answers.has(key)) this.answers.set(key, answer);
  }

  /** The recorded answer, or null (counted as a miss). */
  replay(key: string): RecordedAnswer | null {
    const answer = this.answers.get(key) ?? null;
    if (answer === null) this.counts.misses++;
    else this.counts.replayed++;
    return answer;
  }

  refused(): void {
    this.counts.refused++;
  }

  stats(): ReplayStats {
    return { mode: this.mode, recorded: this.answers.size, ...this.counts };
  }
}
