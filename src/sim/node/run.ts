// The headless runner: `npm run --silent sim -- [--json] [--hosts a,b] [--seed N] < script`.
// One command per line; blank lines and `#` comments are skipped; `@NAME cmd` runs on host NAME.
// With --json: exactly one JSON object per executed command, one per line, and nothing else on stdout.
// Node-only (reads stdin, writes stdout); the simulator itself stays pure.

import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWorld } from '../index.ts';

interface RunnerArgs {
  json: boolean;
  hosts?: string[];
  seed: number;
  script?: string;
}

/** parseRunnerArgs reads the runner's flags; it exits with a usage line on a bad one. */
export function parseRunnerArgs(argv: string[]): RunnerArgs {
  const out: RunnerArgs = { json: false, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => inline ?? argv[++i] ?? '';
    if (flag === '--json') out.json = true;
    else if (flag === '--hosts')
      out.hosts = value()
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean);
    else if (flag === '--seed') out.seed = Number(value());
    else if (flag === '--script') out.script = value();
    else {
      process.stderr.write(
        `sim: unknown option ${argv[i]}\nusage: sim [--json] [--hosts a,b,c] [--seed N] [--script FILE] < script\n`,
      );
      process.exit(2);
    }
  }
  if (!Number.isInteger(out.seed)) {
    process.stderr.write('sim: --seed needs an integer\n');
    process.exit(2);
  }
  return out;
}

/** scriptLines turns a script into [host | undefined, command] pairs. */
export function scriptLines(text: string): Array<[string | undefined, string]> {
  const out: Array<[string | undefined, string]> = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const m = /^@(\S+)\s+(.*)$/.exec(trimmed);
    out.push(m ? [m[1], m[2]] : [undefined, trimmed]);
  }
  return out;
}

function main(): void {
  const args = parseRunnerArgs(process.argv.slice(2));
  const text = readFileSync(args.script ?? 0, 'utf8');
  const sim = createWorld({ seed: args.seed, hosts: args.hosts });
  const first = sim.hosts()[0];
  let out = '';
  for (const [h, cmd] of scriptLines(text)) {
    const host = h ?? first;
    const prompt = sim.prompt(host);
    const res = sim.exec(cmd, { host });
    if (args.json) {
      out += `${JSON.stringify({ host, cmd, stdout: res.stdout, stderr: res.stderr, exitCode: res.exitCode })}\n`;
    } else {
      // the transcript keeps stdout and stderr in the order they were written, as a terminal shows them
      out += `${prompt}${cmd}\n${res.transcript.map((c) => c.text).join('')}`;
    }
  }
  process.stdout.write(out);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
