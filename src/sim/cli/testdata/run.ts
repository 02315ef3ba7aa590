// Test helper: runs the docker CLI against a FakeApi with a fixed clock.

import type { ProgramResult } from '../../shell/program.ts';
import { runDocker } from '../index.ts';
import { type FakeApi, NOW } from './fake_api.ts';

/** docker runs argv (a string split on spaces, or an array) against api. */
export function docker(api: FakeApi, argv: string | string[], stdin = ''): ProgramResult {
  const args = typeof argv === 'string' ? argv.split(' ').filter((a) => a !== '') : argv;
  return runDocker(args, { stdin, env: { HOME: '/root' }, api, now: () => NOW });
}
