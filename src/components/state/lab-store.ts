// The page store of one lab: owns its simulated world, the command log, history and challenge
// progress; persists {scenario, seed, log, history} to localStorage and restores it by replay.
// Plain TS: views (terminal, editor, challenges, topology) subscribe to it; no DOM here.

import { PROGRESS_KEY } from '../../lib/progress.ts';
import { goalMet } from '../../scenarios/goals.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { startScenario } from '../../scenarios/start.ts';
import type { LabExecResult, LabLogEntry, Sim } from '../../sim/index.ts';

/** StorageLike is the part of localStorage the store uses (tests pass a Map-backed fake). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** SAVE_VERSION changes when the saved shape changes; other versions are discarded with a notice. */
export const SAVE_VERSION = 1;

/** SavedLab is what one lab keeps in localStorage. */
export interface SavedLab {
  v: number;
  scenario: string;
  seed: number;
  log: LabLogEntry[];
  history: string[];
}

/** StoreEvent tells views what changed: the world was replaced (reset/undo/restore) or changed. */
export type StoreEvent = { type: 'world'; reason: 'reset' | 'undo' | 'replace' } | { type: 'change' };

/** LabState is a lab's replayable state: the seed and the command log (a share link carries it). */
export interface LabState {
  seed: number;
  log: LabLogEntry[];
  history?: string[];
}

/** PROGRESS_KEY holds completed challenges for course progress: {scenarioId: [challengeId…]}. */
export { PROGRESS_KEY };

/** labKey is where a lab's state lives in storage. */
export const labKey = (scenarioId: string, instance = ''): string =>
  `dnl:lab:${scenarioId}${instance ? `:${instance}` : ''}`;

/** isSavedLab tells whether a parsed value is a saved lab of this scenario, of this save version. */
export function isSavedLab(value: unknown, scenario: Scenario): value is SavedLab {
  const v = value as SavedLab;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.v === SAVE_VERSION &&
    v.scenario === scenario.id &&
    Number.isInteger(v.seed) &&
    Array.isArray(v.history) &&
    v.history.every((h) => typeof h === 'string') &&
    Array.isArray(v.log) &&
    v.log.every(
      (e) =>
        typeof e === 'object' &&
        e !== null &&
        scenario.hosts.includes(e.host) &&
        ((e.kind === 'command' && typeof e.line === 'string') ||
          (e.kind === 'file' && typeof e.path === 'string' && typeof e.content === 'string')),
    )
  );
}

/** LabStore is one lab's state. Two labs on a page have two stores and two worlds. */
export class LabStore {
  readonly scenario: Scenario;
  sim: Sim;
  log: LabLogEntry[] = [];
  /** seed is the seed of the current world (the scenario's, unless a link or save said otherwise). */
  seed: number;
  /** history is the lab's command history, shared by its terminals (oldest first). */
  readonly history: string[] = [];
  /** notice explains a discarded saved state; the UI shows it once. */
  notice: string | undefined;
  private readonly storage: StorageLike | undefined;
  private readonly key: string;
  private readonly listeners = new Set<(e: StoreEvent) => void>();
  private met = new Map<string, boolean>();

  /** The lab starts from `initial` when given (a share or challenge link), else from its saved state. */
  constructor(scenario: Scenario, storage?: StorageLike, instance = '', initial?: LabState) {
    this.scenario = scenario;
    this.storage = storage;
    this.key = labKey(scenario.id, instance);
    this.seed = scenario.seed;
    if (initial) {
      this.sim = this.load(initial);
      this.save();
    } else this.sim = this.restore();
    this.met = this.evaluate();
  }

  private load(state: LabState): Sim {
    const sim = startScenario(this.scenario, state.log, state.seed);
    this.seed = state.seed;
    this.log = state.log.map((e) => ({ ...e }));
    this.history.splice(0, this.history.length, ...(state.history ?? []));
    return sim;
  }

  /** replace swaps in another state (e.g. restoring the lab kept aside when a link was opened). */
  replace(state: LabState): void {
    this.sim = this.load(state);
    this.save();
    this.emit({ type: 'world', reason: 'replace' });
    this.afterChange();
  }

  private restore(): Sim {
    const raw = this.storage?.getItem(this.key);
    if (!raw) return startScenario(this.scenario);
    try {
      const saved: unknown = JSON.parse(raw);
      if (!isSavedLab(saved, this.scenario)) throw new Error('unrecognised saved state');
      const sim = startScenario(this.scenario, saved.log, saved.seed);
      this.seed = saved.seed;
      this.log = saved.log;
      this.history.push(...saved.history);
      return sim;
    } catch {
      this.notice = 'restore-failed';
      this.storage?.removeItem(this.key);
      return startScenario(this.scenario);
    }
  }

  /** subscribe listens to store events; the returned function unsubscribes. */
  subscribe(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: StoreEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  private save(): void {
    const saved: SavedLab = {
      v: SAVE_VERSION,
      scenario: this.scenario.id,
      seed: this.seed,
      log: this.log,
      history: this.history.slice(-200),
    };
    try {
      this.storage?.setItem(this.key, JSON.stringify(saved));
    } catch {
      // Storage full or disabled: the lab keeps working, it just is not saved.
    }
  }

  /** run executes a terminal line on a host, logs and saves it, and re-checks the goals. */
  run(line: string, host = this.scenario.hosts[0]): LabExecResult {
    if (line.trim()) this.history.push(line);
    const res = this.sim.exec(line, { host });
    if (line.trim()) this.log.push({ kind: 'command', host, line });
    this.save();
    this.afterChange();
    return res;
  }

  /** writeFile saves an editor edit into the world (consecutive edits of a file share one log entry). */
  writeFile(path: string, content: string, host = this.scenario.hosts[0]): void {
    if (this.sim.readFile(path, host) === content) return;
    this.sim.writeFile(path, content, host);
    const last = this.log[this.log.length - 1];
    if (last?.kind === 'file' && last.path === path && last.host === host) last.content = content;
    else this.log.push({ kind: 'file', host, path, content });
    this.save();
    this.afterChange();
  }

  /** reset puts the lab back to its scenario's start (history is kept, like a shell's). */
  reset(): void {
    this.log = [];
    this.seed = this.scenario.seed;
    this.sim = startScenario(this.scenario);
    this.save();
    this.emit({ type: 'world', reason: 'reset' });
    this.afterChange();
  }

  /** undo replays the log without its last command; false when there is nothing to undo. */
  undo(): boolean {
    let last = -1;
    for (let i = this.log.length - 1; i >= 0 && last < 0; i--) if (this.log[i].kind === 'command') last = i;
    if (last < 0) return false;
    this.log = this.log.filter((_, i) => i !== last);
    this.sim = startScenario(this.scenario, this.log, this.seed);
    this.save();
    this.emit({ type: 'world', reason: 'undo' });
    this.afterChange();
    return true;
  }

  /** goals tells, per challenge id, whether its goal holds in the world now. */
  goals(): ReadonlyMap<string, boolean> {
    return this.met;
  }

  /** completed lists the challenge ids ever completed in this scenario (course progress). */
  completed(): string[] {
    return readProgress(this.storage)[this.scenario.id] ?? [];
  }

  private evaluate(): Map<string, boolean> {
    if (this.scenario.challenges.length === 0) return new Map();
    const state = this.sim.snapshot();
    return new Map(this.scenario.challenges.map((c) => [c.id, goalMet(c, state)]));
  }

  private afterChange(): void {
    this.met = this.evaluate();
    const done = [...this.met].filter(([, ok]) => ok).map(([id]) => id);
    if (done.length) recordProgress(this.storage, this.scenario.id, done);
    this.emit({ type: 'change' });
  }
}

/** readProgress reads the completed challenges of every scenario. */
export function readProgress(storage: StorageLike | undefined): Record<string, string[]> {
  try {
    const value: unknown = JSON.parse(storage?.getItem(PROGRESS_KEY) ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return value as Record<string, string[]>;
  } catch {
    return {};
  }
}

function recordProgress(storage: StorageLike | undefined, scenario: string, ids: string[]): void {
  const progress = readProgress(storage);
  const before = Array.isArray(progress[scenario]) ? progress[scenario] : [];
  const merged = [...new Set([...before, ...ids])];
  if (merged.length === before.length) return;
  progress[scenario] = merged;
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Progress is a convenience; a full storage must not break the lab.
  }
}
