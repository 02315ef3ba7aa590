// The scenario schema, documented field by field. Plain zod (no astro:content), so unit tests, the
// Lab component and scripts all parse scenarios the same way, with friendly errors.

import { z } from 'astro/zod';
import { GOAL_NAMES, type GoalFn } from './goals.ts';
import { PANES } from './panes.ts';

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "bridge-basics"')
  .describe('A kebab-case identifier.');

const hostName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'host names are lower-case letters, digits and dashes, e.g. "host1"');

export { PANES, type Pane } from './panes.ts';

const goal = z.union(
  [
    z.object({
      predicate: z.enum(GOAL_NAMES, { error: `predicate must be one of ${GOAL_NAMES.join(', ')}` }),
      args: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    }),
    z.custom<GoalFn>((v) => typeof v === 'function', 'goal must be a function of the state view'),
  ],
  { error: 'goal must be { predicate, args } or a function of the state view' },
);

const challenge = z.object({
  id: id.describe('Stable id: completion is stored under it.'),
  title: z.string().trim().min(1, 'title must not be empty').describe('The goal as the learner reads it.'),
  goal: goal.describe('When the challenge counts as done: a named predicate with arguments, or a function.'),
  hints: z.array(z.string().min(1)).default([]).describe('Hints, revealed one at a time.'),
  solution: z
    .array(z.string().min(1))
    .min(1, 'solution must list at least one command')
    .describe('Commands that reach the goal from the setup; "show solution" types them, CI replays them.'),
  host: hostName
    .optional()
    .describe('The host whose terminal the solution is typed into (default: the first).'),
});

/** scenarioSchema describes one lab scenario. */
export const scenarioSchema = z.object({
  id: id.describe('The id lessons use: <Lab scenario="…" />.'),
  title: z.string().trim().min(1, 'title must not be empty').describe('The lab title shown above the panes.'),
  seed: z.number().int().default(1).describe('Seed of the simulated world: same seed, same IDs and MACs.'),
  hosts: z
    .array(hostName)
    .min(1, 'hosts must name at least one host')
    .default(['host1'])
    .describe('The machines on the simulated LAN; more than one gives the terminal a tab per host.'),
  setup: z
    .array(z.object({ host: hostName.optional(), line: z.string().min(1) }))
    .default([])
    .describe('Commands run silently before the learner starts (not in the command log).'),
  files: z
    .array(
      z.object({
        host: hostName.optional(),
        path: z.string().regex(/^\/root\/[^/].*/, 'lab files live under /root/, e.g. "/root/compose.yaml"'),
        content: z.string(),
      }),
    )
    .default([])
    .describe('Files the editor offers, per host, with their starting content.'),
  panes: z
    .array(z.enum(PANES, { error: `panes must be among ${PANES.join(', ')}` }))
    .min(1)
    .default(['terminal', 'topology', 'challenges'])
    .describe('Which panes the lab shows.'),
  challenges: z.array(challenge).default([]).describe('Goals checked live against the world state.'),
});

/** Scenario is a parsed scenario. */
export type Scenario = z.output<typeof scenarioSchema>;

/** ScenarioInput is a scenario as written in src/scenarios/data. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** Challenge is one challenge of a scenario. */
export type Challenge = Scenario['challenges'][number];

/** parseScenario validates scenario data and throws an error listing every problem by field path. */
export function parseScenario(data: unknown, origin = 'scenario'): Scenario {
  const res = scenarioSchema.safeParse(data);
  if (res.success) {
    const s = res.data;
    const problems: string[] = [];
    const known = new Set(s.hosts);
    const check = (host: string | undefined, where: string) => {
      if (host !== undefined && !known.has(host))
        problems.push(`${where}: unknown host "${host}" (hosts: ${s.hosts.join(', ')})`);
    };
    for (const [i, x] of s.setup.entries()) check(x.host, `setup.${i}.host`);
    for (const [i, x] of s.files.entries()) check(x.host, `files.${i}.host`);
    for (const [i, x] of s.challenges.entries()) check(x.host, `challenges.${i}.host`);
    const ids = s.challenges.map((c) => c.id);
    ids.forEach((cid, i) => {
      if (ids.indexOf(cid) !== i) problems.push(`challenges.${i}.id: duplicate id "${cid}"`);
    });
    if (problems.length === 0) return s;
    throw new Error(`Invalid ${origin} "${s.id}":\n- ${problems.join('\n- ')}`);
  }
  const lines = res.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`Invalid ${origin}:\n- ${lines.join('\n- ')}`);
}
