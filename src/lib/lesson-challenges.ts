/** The challenge ids of a lesson, by scenario, from the scenarios its frontmatter `labs` lists. */
import { SCENARIOS } from '../scenarios/index.ts';
import type { ChallengeIds } from './progress.ts';

/** lessonChallenges maps each of a lesson's scenarios that has challenges to their ids. */
export function lessonChallenges(labs: readonly string[]): ChallengeIds {
  const out: ChallengeIds = {};
  for (const id of labs) {
    const scenario = SCENARIOS.get(id);
    if (scenario && scenario.challenges.length > 0) out[id] = scenario.challenges.map((c) => c.id);
  }
  return out;
}
