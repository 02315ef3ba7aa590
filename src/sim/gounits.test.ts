import assert from 'node:assert/strict';
import test from 'node:test';
import { humanDuration } from './gounits.ts';

test('humanDuration follows go-units HumanDuration', () => {
  const cases: Array<[number, string]> = [
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1000, '1 second'],
    [45_000, '45 seconds'],
    [60_000, 'About a minute'],
    [119_000, 'About a minute'],
    [120_000, '2 minutes'],
    [3_599_000, '59 minutes'],
    [3_600_000, 'About an hour'],
    [5_400_000, '2 hours'],
    [47 * 3_600_000, '47 hours'],
    [48 * 3_600_000, '2 days'],
    [15 * 86_400_000, '2 weeks'],
    [61 * 86_400_000, '2 months'],
    [800 * 86_400_000, '2 years'],
  ];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms} ms`);
});
