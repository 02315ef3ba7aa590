// Mirrors docker/compose v2.36 cmd/compose (compose.go root flags -f / -p / --project-directory,
// up.go, down.go, ps.go, logs.go, config.go) as a docker CLI plugin that talks only to the Engine
// API. Simplified: a hand-written flag parser for the flags these commands need; no profiles,
// scale, build or watch.

import { CliError } from '../cli/errors.ts';
import { normalizePath } from '../kernel/vfs.ts';
import type { ProgramResult } from '../shell/program.ts';
import { renderConfig } from './config.ts';
import { ComposeContext, type ComposeIO } from './context.ts';
import { down, exitedLines, logs, ps } from './lifecycle.ts';
import { warn } from './progress.ts';
import { ComposeError, findComposeFile, loadProject, normalizeProjectName, type Project } from './project.ts';
import { COMPOSE_VERSION, up } from './up.ts';
import { YamlError } from './yaml.ts';

export type { ComposeIO } from './context.ts';

interface Parsed {
  files: string[];
  projectName?: string;
  projectDir?: string;
  command?: string;
  flags: Set<string>;
  args: string[];
}

const VALUE_FLAGS = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--project-directory',
  '--env-file',
  '--progress',
  '-t',
  '--timeout',
  '--format',
  '-n',
  '--tail',
]);
const SHORT: Record<string, string> = { '-d': '--detach', '-a': '--all', '-q': '--quiet', '-f': '--follow' };

function parseArgv(argv: string[]): Parsed {
  const p: Parsed = { files: [], flags: new Set(), args: [] };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (p.command === undefined) {
      if (a === '-f' || a === '--file') p.files.push(value ?? argv[++i] ?? '');
      else if (a === '-p' || a === '--project-name') p.projectName = value ?? argv[++i] ?? '';
      else if (a === '--project-directory') p.projectDir = value ?? argv[++i] ?? '';
      else if (VALUE_FLAGS.has(a)) i += value === undefined ? 1 : 0;
      else if (a.startsWith('-')) throw new CliError(`unknown flag: ${a}`);
      else p.command = a;
      continue;
    }
    if (a.startsWith('--')) {
      p.flags.add(a);
      if (VALUE_FLAGS.has(a) && value === undefined) i++;
    } else if (a.startsWith('-') && a.length > 1)
      for (const ch of a.slice(1)) p.flags.add(SHORT[`-${ch}`] ?? `-${ch}`);
    else p.args.push(a);
  }
  return p;
}

function project(c: ComposeContext, p: Parsed): Project {
  const cwd = p.projectDir ? normalizePath(p.projectDir, c.io.cwd) : c.io.cwd;
  let file: string | undefined;
  if (p.files.length > 0) {
    file = normalizePath(p.files[0], cwd);
    if (c.io.fs.readFile(file) === undefined)
      throw new ComposeError(`open ${file}: no such file or directory`);
  } else file = findComposeFile(c.io.fs, cwd, (m) => warn(c, m));
  if (!file) throw new ComposeError('no configuration file provided: not found');
  const content = c.io.fs.readFile(file) as string;
  const projectName = p.projectName || c.io.env.COMPOSE_PROJECT_NAME || undefined;
  return loadProject({ file, content, projectName, env: c.io.env, warn: (m) => warn(c, m) });
}

/** projectNameOnly resolves the project name without requiring a valid file (down/ps/logs with -p). */
function projectNameOnly(c: ComposeContext, p: Parsed): string | Project {
  if (
    p.projectName ||
    (c.io.env.COMPOSE_PROJECT_NAME && p.files.length === 0 && !findComposeFile(c.io.fs, c.io.cwd))
  )
    return normalizeProjectName(p.projectName || c.io.env.COMPOSE_PROJECT_NAME);
  return project(c, p);
}

const COMMANDS = ['up', 'down', 'ps', 'logs', 'config', 'version'];

function execute(c: ComposeContext, argv: string[]): void {
  const p = parseArgv(argv);
  if (p.command === undefined)
    throw new CliError(
      "Usage:  docker compose [OPTIONS] COMMAND\n\nRun 'docker compose --help' for more information",
    );
  if (!COMMANDS.includes(p.command)) throw new CliError(`unknown docker command: "compose ${p.command}"`);
  switch (p.command) {
    case 'version':
      if (p.flags.has('--short')) c.out(`${COMPOSE_VERSION}\n`);
      else c.out(`Docker Compose version v${COMPOSE_VERSION}\n`);
      return;
    case 'config': {
      const proj = project(c, p);
      if (!p.flags.has('--quiet')) c.out(renderConfig(proj));
      return;
    }
    case 'up': {
      const proj = project(c, p);
      up(c, proj, { detach: p.flags.has('--detach'), services: p.args });
      if (!p.flags.has('--detach')) {
        logs(c, proj.name, p.args);
        exitedLines(c, proj.name, p.args);
      }
      return;
    }
    case 'down': {
      const proj = project(c, p);
      down(c, proj);
      return;
    }
    case 'ps': {
      const target = projectNameOnly(c, p);
      const name = typeof target === 'string' ? target : target.name;
      if (typeof target !== 'string')
        for (const s of p.args) if (!target.services[s]) throw new ComposeError(`no such service: ${s}`);
      ps(c, name, { all: p.flags.has('--all'), quiet: p.flags.has('--quiet'), services: p.args });
      return;
    }
    case 'logs': {
      const target = projectNameOnly(c, p);
      const name = typeof target === 'string' ? target : target.name;
      if (typeof target !== 'string')
        for (const s of p.args) if (!target.services[s]) throw new ComposeError(`no such service: ${s}`);
      logs(c, name, p.args);
    }
  }
}

/** runCompose runs `docker compose ARGS` (argv without "docker compose"); it never throws. */
export function runCompose(argv: string[], io: ComposeIO): ProgramResult {
  const c = new ComposeContext(io);
  let exitCode = 0;
  try {
    execute(c, argv);
  } catch (e) {
    if (e instanceof ComposeError || e instanceof YamlError || e instanceof CliError) {
      c.err(`${e.message}\n`);
      exitCode = e instanceof CliError ? e.code : e instanceof ComposeError ? e.code : 1;
    } else {
      c.err(`compose: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      exitCode = 1;
    }
  }
  return { stdout: c.stdout, stderr: c.stderr, exitCode };
}
