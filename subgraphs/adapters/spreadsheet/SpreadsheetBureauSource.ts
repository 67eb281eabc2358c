import { stat } from 'node:fs/promises';
import { CitySourceError } from '../../kit/CitySourceError.ts';
import type { CityCode, EnterpriseRecord } from '../../kit/model.ts';
import type { BureauSource } from '../../kit/ports.ts';
import { loadSpreadsheetFolder } from './loadSpreadsheetFolder.ts';
import { ParseCache } from './ParseCache.ts';
import { READINGS_FOLDER } from './readingSheet.ts';
import { SheetCasesPort } from './SheetCasesPort.ts';
import { SheetEmergencyPort } from './SheetEmergencyPort.ts';
import { SheetMonitoringPort } from './SheetMonitoringPort.ts';
import { describeProblem, type SheetProblem } from './SheetProblem.ts';
import { SheetProjectsPort } from './SheetProjectsPort.ts';
import type { SpreadsheetSnapshot } from './SpreadsheetSnapshot.ts';
import { watchFolder, type FolderWatch } from './watchFolder.ts';

export interface SpreadsheetSourceOptions {
  /** The folder the bureau publishes its exports to. */
  readonly dir: string;
  readonly cityCode: CityCode;
  /** Reload when a file in the folder changes. @default true */
  readonly watch?: boolean;
  /** Quiet time after the last change before reloading, ms. @default 300 */
  readonly debounceMs?: number;
}

/** How a reload ended, as a value rather than a thrown error. A failed one left the previous data in
 * place. */
export type ReloadOutcome =
  | { readonly kind: 'loaded'; readonly durationMs: number; readonly problems: number }
  | { readonly kind: 'failed'; readonly durationMs: number; readonly error: Error };

export interface SpreadsheetSourceContext {
  /** One line per event (load summary, each problem once, failed reloads). @default stderr */
  readonly log?: (line: string) => void;
  /** Called after every load or reload. @default none */
  readonly onReload?: (outcome: ReloadOutcome) => void;
  /** @default performance.now */
  readonly now?: () => number;
}

/** Problems logged one by one per load; the rest are summarised (problems() has them all). */
const MAX_LOGGED_PROBLEMS = 50;

/**
 * A bureau's ports over the spreadsheet exports it publishes to a folder (510500 泸州市): every row
 * of every file validated, bad rows reported (problems()) and skipped, the data served from memory,
 * and reloaded when a file changes. A reload that fails keeps the previous data.
 */
export class SpreadsheetBureauSource implements BureauSource {
  readonly cityCode: CityCode;
  readonly projects: SheetProjectsPort;
  readonly monitoring: SheetMonitoringPort;
  readonly cases: SheetCasesPort;
  readonly emergency: SheetEmergencyPort;
  private readonly logged = new Set<string>();
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private watch: FolderWatch | null = null;
  private state: { kind: 'open'; snapshot: SpreadsheetSnapshot } | { kind: 'closed' };
  private reloading: Promise<ReloadOutcome> | null = null;
  private reloadAgain = false;

  /**
   * Loads the folder and (unless `watch: false`) starts watching it. A folder that cannot be loaded
   * fails with CITY_SOURCE_FAILED naming the file at fault.
   */
  static async open(options: SpreadsheetSourceOptions, context: SpreadsheetSourceContext = {}): Promise<SpreadsheetBureauSource> {
    const now = context.now ?? (() => performance.now());
    const started = now();
    const cache = new ParseCache();
    let snapshot: SpreadsheetSnapshot;
    try {
      snapshot = await loadSpreadsheetFolder(options.dir, options.cityCode, cache, now);
    } catch (error) {
      throw new CitySourceError('CITY_SOURCE_FAILED', `The spreadsheet folder could not be loaded: ${(error as Error).message}`,
        options.cityCode, { cause: error });
    }
    const source = new SpreadsheetBureauSource(options, context, snapshot, cache);
    source.reported(snapshot, now() - started);
    context.onReload?.({ kind: 'loaded', durationMs: now() - started, problems: snapshot.problems.length });
    return source;
  }

  private constructor(
    private readonly options: SpreadsheetSourceOptions,
    private readonly context: SpreadsheetSourceContext,
    snapshot: SpreadsheetSnapshot,
    private readonly cache: ParseCache,
  ) {
    this.cityCode = options.cityCode;
    this.log = context.log ?? ((line) => process.stderr.write(`[spreadsheet ${options.cityCode}] ${line}\n`));
    this.now = context.now ?? (() => performance.now());
    this.state = { kind: 'open', snapshot };
    const current = () => this.current();
    this.projects = new SheetProjectsPort(current);
    this.monitoring = new SheetMonitoringPort(current);
    this.cases = new SheetCasesPort(current);
    this.emergency = new SheetEmergencyPort(current);
    if (options.watch ?? true) {
      this.watch = watchFolder(options.dir, [READINGS_FOLDER], options.debounceMs ?? 300, () => void this.reload(),
        (error) => this.log(`watching the folder failed: ${(error as Error).message}`));
    }
  }

  /** The rows the last successful load skipped, with file, sheet, row and column. */
  problems(): readonly SheetProblem[] {
    return this.current().problems;
  }

  /** The bureau's positive-list enterprises (正面清单), as last loaded. */
  positiveList(): readonly EnterpriseRecord[] {
    return this.current().positiveList;
  }

  /**
   * Loads the folder again (files that did not change come from the cache) and swaps the data in;
   * on failure keeps the previous data. Concurrent calls share one reload, and a change during a
   * reload queues one more.
   */
  reload(): Promise<ReloadOutcome> {
    if (this.reloading !== null) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = this.reloadOnce().finally(() => {
      this.reloading = null;
      if (this.reloadAgain && this.state.kind === 'open') {
        this.reloadAgain = false;
        void this.reload();
      }
    });
    return this.reloading;
  }

  /** The folder is still there (a file share can drop away); the data in memory keeps serving regardless. */
  async health(): Promise<void> {
    this.current();
    try {
      await stat(this.options.dir);
    } catch (error) {
      throw new CitySourceError('CITY_SOURCE_CONNECT', 'The spreadsheet folder cannot be reached.', this.cityCode, { cause: error });
    }
  }

  async close(): Promise<void> {
    this.watch?.close();
    this.watch = null;
    this.state = { kind: 'closed' };
    await this.reloading?.catch(() => undefined);
  }

  private current(): SpreadsheetSnapshot {
    if (this.state.kind === 'closed') {
      throw new CitySourceError('CITY_SOURCE_FAILED', 'The spreadsheet source is closed.', this.cityCode, {
        cause: new Error('SpreadsheetBureauSource.close() was called'),
      });
    }
    return this.state.snapshot;
  }

  private async reloadOnce(): Promise<ReloadOutcome> {
    const started = this.now();
    let outcome: ReloadOutcome;
    try {
      const snapshot = await loadSpreadsheetFolder(this.options.dir, this.cityCode, this.cache, this.now);
      if (this.state.kind === 'closed') return { kind: 'failed', durationMs: this.now() - started, error: new Error('closed during reload') };
      this.state = { kind: 'open', snapshot };
      outcome = { kind: 'loaded', durationMs: this.now() - started, problems: snapshot.problems.length };
      this.reported(snapshot, outcome.durationMs);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      outcome = { kind: 'failed', durationMs: this.now() - started, error: failure };
      this.log(`reload failed, still serving the data loaded before: ${failure.message}`);
    }
    this.context.onReload?.(outcome);
    return outcome;
  }

  /** A summary line per load, and each problem the first time it is seen. */
  private reported(snapshot: SpreadsheetSnapshot, durationMs: number): void {
    const fresh = snapshot.problems.map(describeProblem).filter((line) => !this.logged.has(line));
    this.log(`loaded ${snapshot.projects.records.length} projects, ${snapshot.stations.records.length} stations, `
      + `${[...snapshot.readings.values()].reduce((n, s) => n + s.length, 0)} readings, ${snapshot.cases.records.length} cases, `
      + `${snapshot.patrols.records.length} patrols, ${snapshot.resources.records.length} resources in ${Math.round(durationMs)} ms; `
      + `${snapshot.problems.length} rows skipped`);
    for (const line of fresh.slice(0, MAX_LOGGED_PROBLEMS)) this.log(`skipped ${line}`);
    if (fresh.length > MAX_LOGGED_PROBLEMS) this.log(`… and ${fresh.length - MAX_LOGGED_PROBLEMS} more (see problems())`);
    for (const line of fresh) this.logged.add(line);
  }
}

/** Opens the spreadsheet adapter over a folder: `SpreadsheetBureauSource.open`. */
export function openSpreadsheetBureauSource(options: SpreadsheetSourceOptions, context?: SpreadsheetSourceContext): Promise<SpreadsheetBureauSource> {
  return SpreadsheetBureauSource.open(options, context);
}
