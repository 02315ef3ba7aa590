// Mirrors spf13/cobra command.go (Traverse, findNext, execute, UseLine, CommandPath, NamePadding)
// and docker/cli cli/cobra.go (usage template, FlagErrorFunc), cli/required.go (arg checks);
// simplified: commands are data ({name, use, flags, run}); help is rendered by running docker's
// real usage template through our Go template engine.

import type { RunContext } from './context.ts';
import { CliError } from './errors.ts';
import { type FlagDef, FlagSet, HELP } from './flags.ts';
import type { FuncMap } from './template/funcs.ts';
import { type GoMethod, GoStruct, parseTemplate } from './template/index.ts';

/** ArgsCheck validates positional args; returns an error message or undefined. */
export type ArgsCheck = (cmd: Command, args: string[]) => string | undefined;

/** CommandSpec is a command written as data. */
export interface CommandSpec {
  use: string;
  aliases?: string[];
  short: string;
  long?: string;
  /** annotations as docker sets them: "aliases" (help text), "category-top" (root listing order). */
  annotations?: Record<string, string>;
  args?: ArgsCheck;
  flags?: FlagDef[];
  /** interspersed false stops flag parsing at the first positional (run, exec, create, tag). */
  interspersed?: boolean;
  hidden?: boolean;
  run?: (ctx: RunContext, args: string[], flags: FlagSet, cmd: Command) => void;
  subcommands?: CommandSpec[];
}

/**
 * Command is a node of the command tree built from specs. Its flag set and children are built on
 * first use, so a CLI invocation only pays for the commands on its path (the tree has ~100 nodes).
 */
export class Command {
  readonly spec: CommandSpec;
  readonly parent?: Command;
  private readonly persistent: FlagDef[];
  private builtFlags?: FlagSet;
  private builtChildren?: Command[];
  private builtName?: string;

  constructor(spec: CommandSpec, parent?: Command, persistent: FlagDef[] = []) {
    this.spec = spec;
    this.parent = parent;
    this.persistent = persistent;
  }

  /** flags is the command's own flag set (its flags, then the persistent ones). */
  get flags(): FlagSet {
    if (!this.builtFlags) {
      const flags = new FlagSet();
      flags.interspersed = this.spec.interspersed ?? true;
      for (const f of this.spec.flags ?? []) flags.add({ ...f });
      for (const f of this.persistent) flags.add({ ...f });
      this.builtFlags = flags;
    }
    return this.builtFlags;
  }

  /** children are the subcommands, sorted by name as cobra sorts them. */
  get children(): Command[] {
    this.builtChildren ??= (this.spec.subcommands ?? [])
      .map((s) => new Command(s, this, this.persistent))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.builtChildren;
  }

  get name(): string {
    this.builtName ??= this.spec.use.split(' ')[0];
    return this.builtName;
  }

  /** commandPath is "docker network ls". */
  get commandPath(): string {
    return this.parent ? `${this.parent.commandPath} ${this.name}` : this.name;
  }

  /** useLine is cobra's UseLine with DisableFlagsInUseLine. */
  get useLine(): string {
    return this.parent ? `${this.parent.commandPath} ${this.spec.use}` : this.spec.use;
  }

  get runnable(): boolean {
    return this.spec.run !== undefined;
  }

  get hasSubCommands(): boolean {
    return this.children.length > 0;
  }

  /** isAvailable is cobra's IsAvailableCommand. */
  get isAvailable(): boolean {
    if (this.spec.hidden) return false;
    return this.runnable || this.children.some((c) => c.isAvailable);
  }

  /** namePadding is cobra's NamePadding (max child name length of the parent, at least 11). */
  get namePadding(): number {
    if (!this.parent) return 11;
    return Math.max(11, ...this.parent.children.map((c) => c.name.length));
  }

  /** findNext finds a child by name or alias. */
  findNext(name: string): Command | undefined {
    return this.children.find((c) => c.name === name || (c.spec.aliases ?? []).includes(name));
  }

  /** root returns the top of the tree. */
  root(): Command {
    return this.parent ? this.parent.root() : this;
  }
}

/** usageError is FlagErrorFunc's StatusError (exit 125). */
export function flagError(cmd: Command, err: string): CliError {
  return new CliError(
    `${err}\n\nUsage:  ${cmd.useLine}\n\nRun '${cmd.commandPath} --help' for more information`,
    125,
  );
}

const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments');

/** noArgs is cli.NoArgs. */
export const noArgs: ArgsCheck = (cmd, args) => {
  if (args.length === 0) return undefined;
  if (cmd.hasSubCommands) {
    return `docker: unknown command: ${cmd.commandPath} ${args[0]}\n\nUsage:  ${cmd.useLine}\n\nRun '${cmd.commandPath} --help' for more information`;
  }
  return `docker: '${cmd.commandPath}' accepts no arguments\n\nUsage:  ${cmd.useLine}\n\nRun '${cmd.commandPath} --help' for more information`;
};

/** requiresMinArgs is cli.RequiresMinArgs (note docker's "See '...'" wording here). */
export const requiresMinArgs =
  (min: number): ArgsCheck =>
  (cmd, args) =>
    args.length >= min
      ? undefined
      : `docker: '${cmd.commandPath}' requires at least ${min} ${plural(min)}\n\nUsage:  ${cmd.useLine}\n\nSee '${cmd.commandPath} --help' for more information`;

/** requiresMaxArgs is cli.RequiresMaxArgs (with docker's "SRun" typo). */
export const requiresMaxArgs =
  (max: number): ArgsCheck =>
  (cmd, args) =>
    args.length <= max
      ? undefined
      : `docker: '${cmd.commandPath}' requires at most ${max} ${plural(max)}\n\nUsage:  ${cmd.useLine}\n\nSRun '${cmd.commandPath} --help' for more information`;

/** requiresRangeArgs is cli.RequiresRangeArgs. */
export const requiresRangeArgs =
  (min: number, max: number): ArgsCheck =>
  (cmd, args) =>
    args.length >= min && args.length <= max
      ? undefined
      : `docker: '${cmd.commandPath}' requires at least ${min} and at most ${max} ${plural(max)}\n\nUsage:  ${cmd.useLine}\n\nRun '${cmd.commandPath} --help' for more information`;

/** exactArgs is cli.ExactArgs. */
export const exactArgs =
  (n: number): ArgsCheck =>
  (cmd, args) =>
    args.length === n
      ? undefined
      : `docker: '${cmd.commandPath}' requires ${n} ${plural(n)}\n\nUsage:  ${cmd.useLine}\n\nRun '${cmd.commandPath} --help' for more information`;

/** traverse is cobra's Traverse: finds the command, parsing parent flags on the way. */
export function traverse(root: Command, args: string[]): { cmd: Command; args: string[]; error?: CliError } {
  let c = root;
  let rest = args;
  outer: for (;;) {
    const flagArgs: string[] = [];
    let inFlag = false;
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i];
      if (arg.startsWith('--') && !arg.includes('=')) {
        inFlag = c.flags.lookup(arg.slice(2))?.kind !== 'bool';
        flagArgs.push(arg);
        continue;
      }
      if (
        arg.startsWith('-') &&
        !arg.includes('=') &&
        arg.length === 2 &&
        c.flags.shorthand(arg.slice(1))?.kind !== 'bool'
      ) {
        inFlag = true;
        flagArgs.push(arg);
        continue;
      }
      if (inFlag) {
        inFlag = false;
        flagArgs.push(arg);
        continue;
      }
      if (
        (arg.length >= 3 && arg.startsWith('--')) ||
        (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-')
      ) {
        flagArgs.push(arg);
        continue;
      }
      const next = c.findNext(arg);
      if (!next) return { cmd: c, args: rest };
      const err = c.flags.parse(flagArgs);
      if (err !== undefined && err !== HELP) return { cmd: c, args: rest, error: flagError(c, err) };
      c = next;
      rest = rest.slice(i + 1);
      continue outer;
    }
    return { cmd: c, args: rest };
  }
}

// --- help rendering: docker/cli cli/cobra.go usageTemplate, executed by our engine ---

const USAGE_TEMPLATE = `Usage:

{{- if not .HasSubCommands}}  {{.UseLine}}{{end}}
{{- if .HasSubCommands}}  {{ .CommandPath}}{{- if .HasAvailableFlags}} [OPTIONS]{{end}} COMMAND{{end}}

{{if ne .Long ""}}{{ .Long | trim }}{{ else }}{{ .Short | trim }}{{end}}
{{- if hasAliases . }}

Aliases:
  {{ commandAliases . }}

{{- end}}
{{- if .HasParent}}
{{- if .HasAvailableFlags}}

Options:
{{ wrappedFlagUsages . | trimRightSpace}}

{{- end}}
{{- end}}
{{- if hasTopCommands .}}

Common Commands:
{{- range topCommands .}}
  {{rpad (decoratedName .) (add .NamePadding 1)}}{{.Short}}
{{- end}}
{{- end}}
{{- if hasManagementSubCommands . }}

Management Commands:

{{- range managementSubCommands . }}
  {{rpad (decoratedName .) (add .NamePadding 1)}}{{.Short}}
{{- end}}

{{- end}}
{{- if hasSubCommands .}}

Commands:

{{- range operationSubCommands . }}
  {{rpad .Name .NamePadding }} {{.Short}}
{{- end}}
{{- end}}
{{- if not .HasParent}}
{{- if .HasAvailableFlags}}

Global Options:
{{ wrappedFlagUsages . | trimRightSpace}}

{{- end}}
{{- end}}

{{- if .HasSubCommands }}

Run '{{.CommandPath}} COMMAND --help' for more information on a command.
{{- end}}
{{- if hasAdditionalHelp .}}

{{ additionalHelp . }}

{{- end}}
`;

const ADDITIONAL_HELP = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';

const m0 = (fn: () => unknown): GoMethod => ({ params: [], fn });

function cmdStruct(c: Command): GoStruct {
  return new GoStruct(
    '*cobra.Command',
    { Use: c.spec.use, Short: c.spec.short, Long: c.spec.long ?? '' },
    {
      HasSubCommands: m0(() => c.hasSubCommands),
      UseLine: m0(() => c.useLine),
      CommandPath: m0(() => c.commandPath),
      HasAvailableFlags: m0(() => c.flags.hasAvailableFlags()),
      HasParent: m0(() => c.parent !== undefined),
      NamePadding: m0(() => c.namePadding),
      Name: m0(() => c.name),
      Runnable: m0(() => c.runnable),
    },
  );
}

const cmdOf = (v: unknown, all: Map<GoStruct, Command>): Command => all.get(v as GoStruct) as Command;

function helpFuncs(all: Map<GoStruct, Command>): FuncMap {
  const wrapList = (cs: Command[]): GoStruct[] =>
    cs.map((c) => {
      const s = cmdStruct(c);
      all.set(s, c);
      return s;
    });
  const top = (c: Command): Command[] =>
    c.parent
      ? []
      : c.children
          .filter((s) => s.isAvailable && s.spec.annotations?.['category-top'])
          .sort(
            (a, b) =>
              Number(a.spec.annotations?.['category-top']) - Number(b.spec.annotations?.['category-top']),
          );
  const ops = (c: Command): Command[] =>
    c.children.filter(
      (s) => !(s.spec.annotations?.['category-top'] && !c.parent) && s.isAvailable && !s.hasSubCommands,
    );
  const mgmt = (c: Command): Command[] => c.children.filter((s) => s.isAvailable && s.hasSubCommands);
  const one = (fn: (c: Command) => unknown) => ({
    params: ['any' as const],
    fn: (v: unknown) => fn(cmdOf(v, all)),
  });
  return {
    trim: { params: ['string'], fn: (s) => (s as string).trim() },
    trimRightSpace: { params: ['string'], fn: (s) => (s as string).replace(/\s+$/, '') },
    rpad: { params: ['string', 'int'], fn: (s, n) => (s as string).padEnd(n as number, ' ') },
    add: { params: ['int', 'int'], fn: (a, b) => (a as number) + (b as number) },
    hasAliases: one((c) => (c.spec.aliases ?? []).length > 0 || (c.spec.annotations?.aliases ?? '') !== ''),
    commandAliases: one((c) => {
      if (c.spec.annotations?.aliases) return c.spec.annotations.aliases;
      const pp = c.parent ? `${c.parent.commandPath} ` : '';
      return [c.commandPath, ...(c.spec.aliases ?? []).map((a) => pp + a)].join(', ');
    }),
    hasTopCommands: one((c) => top(c).length > 0),
    topCommands: one((c) => wrapList(top(c))),
    hasSubCommands: one((c) => ops(c).length > 0),
    operationSubCommands: one((c) => wrapList(ops(c))),
    hasManagementSubCommands: one((c) => mgmt(c).length > 0),
    managementSubCommands: one((c) => wrapList(mgmt(c))),
    wrappedFlagUsages: one((c) => c.flags.usages(79)),
    decoratedName: one((c) => `${c.name} `),
    hasAdditionalHelp: one((c) => !c.parent),
    additionalHelp: one((c) => (c.parent ? '' : ADDITIONAL_HELP)),
  };
}

/** renderHelp renders `docker ... --help` for a command, as docker's usage template does. */
export function renderHelp(cmd: Command): string {
  const all = new Map<GoStruct, Command>();
  const tmpl = parseTemplate(USAGE_TEMPLATE, '', helpFuncs(all));
  const s = cmdStruct(cmd);
  all.set(s, cmd);
  return tmpl.execute(s);
}
