// Mirrors bash execute_cmd.c's handling of `&` for an interactive shell (make_child, then
// `[1] PID` from describe_pid) and of a foreground command that may hold the terminal; simplified:
// a command only becomes a job when a long-running program claims it (see jobs.ts claimJob);
// anything else still runs to completion where it stands, as before.

import type { AndOr, Command, Word } from './ast.ts';
import { type Launch, withLaunch } from './jobs.ts';
import type { Io, Sink } from './redirect.ts';
import type { ShellState } from './state.ts';

const words = (ws: Word[]): string => ws.map((w) => w.raw).join(' ');

function commandText(c: Command): string {
  if (c.kind === 'simple')
    return [...c.assigns.map((a) => `${a.name}=${a.value.raw}`), words(c.words)].join(' ');
  if (c.kind === 'subshell') return '( … )';
  return c.kind === 'group' ? '{ … }' : c.kind;
}

/** andOrText renders an and-or list the way bash shows a job's command. */
export function andOrText(a: AndOr): string {
  const pipe = (p: AndOr['first']): string =>
    `${p.negate ? '! ' : ''}${p.commands.map(commandText).join(' | ')}`;
  return [pipe(a.first), ...a.rest.map((r) => `${r.op} ${pipe(r.pipeline)}`)].join(' ');
}

/** runLaunched runs one top-level item of an interactive shell so that a program may make it a job. */
export function runLaunched(
  item: { andOr: AndOr; background: boolean },
  st: ShellState,
  io: Io,
  run: (io: Io) => void,
): void {
  if (!st.jobs) {
    run(io);
    return;
  }
  const launch: Launch = { table: st.jobs, background: item.background, text: andOrText(item.andOr) };
  if (!item.background) {
    withLaunch(st.world, launch, () => run(io));
    return;
  }
  const written: Array<[Sink, string]> = [];
  const rec = (to: Sink): Sink => ({ write: (t) => written.push([to, t]), tty: to.tty });
  withLaunch(st.world, launch, () => run({ ...io, out: rec(io.out), err: rec(io.err) }));
  if (launch.job) {
    io.err.write(`[${launch.job.id}] ${launch.job.pid}\n`);
    st.status = 0;
  }
  for (const [to, t] of written) to.write(t);
}
