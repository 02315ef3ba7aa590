// Runs a conformance scenario through the simulator's facade and checks each step against what
// Docker's documentation shows. Scenarios are our own port of the docs' tutorials (see each file's
// `source`); they are a floor, real Docker is the spec.

import assert from 'node:assert/strict';
import { createWorld } from '../../src/sim/index.ts';

/** Expect lists what one command must produce. Strings are exact; RegExps must match (flag m). */
export interface Expect {
  exitCode?: number;
  exitCodeNot?: number;
  stdout?: string | RegExp;
  stderr?: string | RegExp;
  stdoutHas?: Array<string | RegExp>;
  stdoutLacks?: Array<string | RegExp>;
  stderrHas?: Array<string | RegExp>;
  /** json checks: [path, expected] pairs; path segments joined by '.', '*' for every element. */
  json?: Array<[string | string[], unknown]>;
  /** capture names a value from stdout (first group of the regex) for later ${NAME} use. */
  capture?: Record<string, RegExp>;
}

/** Step is one command of a scenario. */
export interface Step {
  host?: string;
  cmd: string;
  expect?: Expect;
}

/** Scenario is a documented tutorial turned into steps. */
export interface Scenario {
  name: string;
  source: string;
  hosts?: string[];
  seed?: number;
  steps: Step[];
}

function pick(doc: unknown, path: string[]): unknown[] {
  let cur: unknown[] = [doc];
  for (const seg of path) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (v === null || typeof v !== 'object') continue;
      if (seg === '*') next.push(...Object.values(v as object));
      else if (seg in (v as object)) next.push((v as Record<string, unknown>)[seg]);
    }
    cur = next;
  }
  return cur;
}

function check(label: string, text: string, want: string | RegExp): void {
  if (typeof want === 'string') assert.equal(text, want, label);
  else assert.match(text, want, label);
}

function has(label: string, text: string, want: string | RegExp, negate = false): void {
  const found =
    typeof want === 'string' ? text.includes(want) : new RegExp(want.source, `${want.flags}m`).test(text);
  assert.equal(found, !negate, `${label}: expected ${negate ? 'no ' : ''}${want} in ${JSON.stringify(text)}`);
}

/** runScenario executes every step in one fresh world and asserts its expectations. */
export function runScenario(sc: Scenario): void {
  const sim = createWorld({ seed: sc.seed ?? 1, hosts: sc.hosts });
  const vars: Record<string, string> = {};
  sc.steps.forEach((step, i) => {
    const cmd = step.cmd.replace(/\$\{(\w+)\}/g, (_, v: string) => vars[v] ?? `\${${v}}`);
    const host = step.host ?? sc.hosts?.[0] ?? 'host1';
    const res = sim.exec(cmd, { host });
    const label = `${sc.name} #${i + 1} [${host}] ${cmd}\nstdout: ${res.stdout}\nstderr: ${res.stderr}`;
    const e = step.expect ?? {};
    if (e.exitCode !== undefined) assert.equal(res.exitCode, e.exitCode, label);
    if (e.exitCodeNot !== undefined) assert.notEqual(res.exitCode, e.exitCodeNot, label);
    if (e.stdout !== undefined) check(label, res.stdout, e.stdout);
    if (e.stderr !== undefined) check(label, res.stderr, e.stderr);
    for (const w of e.stdoutHas ?? []) has(label, res.stdout, w);
    for (const w of e.stdoutLacks ?? []) has(label, res.stdout, w, true);
    for (const w of e.stderrHas ?? []) has(label, res.stderr, w);
    if (e.json) {
      const doc = JSON.parse(res.stdout);
      for (const [path, want] of e.json) {
        const segs = Array.isArray(path) ? path : path.split('.');
        const got = pick(doc, segs);
        assert.ok(got.length > 0, `${label}\njson path ${segs.join('.')} is missing`);
        for (const g of got) assert.deepEqual(g, want, `${label}\njson path ${segs.join('.')}`);
      }
    }
    for (const [name, re] of Object.entries(e.capture ?? {})) {
      const m = new RegExp(re.source, `${re.flags}m`).exec(res.stdout);
      assert.ok(m?.[1], `${label}\ncapture ${name} did not match`);
      vars[name] = m[1];
    }
  });
}

/** table is docker/cli's tabwriter header+rows regex helper: cells separated by 3+ spaces. */
export function tableRow(...cells: string[]): RegExp {
  return new RegExp(`^${cells.join(' {3,}')}$`, 'm');
}

export const ID64 = /^[0-9a-f]{64}\n$/;
