// Mirrors netfilter/iptables iptables/xshared.c do_parse at v1.8.9: getopt-style command line
// parsing (bundled flags, optional chain and rule number arguments, the option/command legality
// checks); simplified: IPv4, one command per line.

import type { RuleOptionState } from './ipt-rule.ts';
import { applyRuleOption, finishRule, IptError, paramProblem } from './ipt-rule.ts';

/** Cmd is an iptables command letter. */
export type Cmd = 'A' | 'C' | 'D' | 'I' | 'R' | 'L' | 'S' | 'F' | 'Z' | 'N' | 'X' | 'E' | 'P';

const LONG_CMDS: Record<string, Cmd> = {
  '--append': 'A',
  '--check': 'C',
  '--delete': 'D',
  '--insert': 'I',
  '--replace': 'R',
  '--list': 'L',
  '--list-rules': 'S',
  '--flush': 'F',
  '--zero': 'Z',
  '--new-chain': 'N',
  '--new': 'N',
  '--delete-chain': 'X',
  '--rename-chain': 'E',
  '--policy': 'P',
};
/** CommandLine is a parsed iptables command line. */
export interface CommandLine {
  table: string;
  cmd?: Cmd;
  chain?: string;
  rulenum: number;
  newName?: string;
  policy?: string;
  verbose: boolean;
  numeric: boolean;
  exact: boolean;
  lineNumbers: boolean;
  rule: RuleOptionState;
  ruleOptionsSeen: boolean;
}

const hasArg = (argv: string[], i: number): boolean =>
  i < argv.length && !argv[i].startsWith('-') && !argv[i].startsWith('!');

function parseRulenum(s: string): number {
  if (!/^\d+$/.test(s) || Number(s) < 1) throw paramProblem(`Invalid rule number \`${s}'`);
  return Number(s);
}

/** expandBundles splits getopt-style bundles such as "-nvL" or "-tnat" into separate words. */
function expandBundles(argv: string[]): string[] {
  const withArg = new Set([
    't',
    'A',
    'C',
    'D',
    'I',
    'R',
    'N',
    'E',
    'P',
    's',
    'd',
    'i',
    'o',
    'p',
    'j',
    'g',
    'm',
  ]);
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!/^-[A-Za-z]{2,}/.test(a) || a.startsWith('--')) {
      out.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      out.push(`-${c}`);
      if (withArg.has(c) && j + 1 < a.length) {
        out.push(a.slice(j + 1));
        break;
      }
    }
  }
  return out;
}

/** parseCommandLine parses argv (without "iptables") as do_parse does. */
export function parseCommandLine(argvIn: string[]): CommandLine {
  const argv = expandBundles(argvIn);
  const p: CommandLine = {
    table: 'filter',
    rulenum: 0,
    verbose: false,
    numeric: false,
    exact: false,
    lineNumbers: false,
    rule: { spec: { matches: [] }, pendingInvert: false },
    ruleOptionsSeen: false,
  };
  const setCmd = (c: Cmd): void => {
    if (p.rule.pendingInvert) throw paramProblem("unexpected '!' flag");
    if (p.cmd) throw paramProblem(`Cannot use -${c} with -${p.cmd}`);
    p.cmd = c;
  };
  let i = 0;
  while (i < argv.length) {
    const a = argv[i];
    const cmd: Cmd | undefined = /^-[ACDIRLSFZNXEP]$/.test(a) ? (a[1] as Cmd) : LONG_CMDS[a];
    if (cmd) {
      setCmd(cmd);
      i++;
      const need = (): string => {
        if (i >= argv.length) throw paramProblem(`option "${a}" requires an argument`);
        return argv[i++];
      };
      if ('ACDIRNEP'.includes(cmd)) p.chain = need();
      else if (hasArg(argv, i)) p.chain = argv[i++];
      if ((cmd === 'D' || cmd === 'I') && hasArg(argv, i)) p.rulenum = parseRulenum(argv[i++]);
      if (cmd === 'R') p.rulenum = parseRulenum(need());
      if ((cmd === 'L' || cmd === 'S' || cmd === 'Z') && p.chain && hasArg(argv, i))
        p.rulenum = parseRulenum(argv[i++]);
      if (cmd === 'E') p.newName = need();
      if (cmd === 'P') p.policy = need();
      continue;
    }
    switch (a) {
      case '!':
        if (p.rule.pendingInvert) throw paramProblem('multiple consecutive ! not allowed');
        p.rule.pendingInvert = true;
        i++;
        continue;
      case '-t':
      case '--table':
        if (p.rule.pendingInvert) throw paramProblem('unexpected ! flag before --table');
        if (i + 1 >= argv.length) throw paramProblem(`option "${a}" requires an argument`);
        p.table = argv[i + 1];
        i += 2;
        continue;
      case '-n':
      case '--numeric':
        p.numeric = true;
        i++;
        continue;
      case '-v':
      case '--verbose':
        p.verbose = true;
        i++;
        continue;
      case '-x':
      case '--exact':
        p.exact = true;
        i++;
        continue;
      case '--line-numbers':
      case '--line-number':
        p.lineNumbers = true;
        i++;
        continue;
      case '-4':
      case '--ipv4':
        i++;
        continue;
      case '-w':
      case '--wait':
        i++;
        if (hasArg(argv, i) && /^\d+$/.test(argv[i])) i++;
        continue;
      case '-W':
      case '--wait-interval':
        i += 2;
        continue;
      case '-6':
      case '--ipv6':
        throw new IptError("Try `iptables -h' or 'iptables --help' for more information.\n", 2);
    }
    const next = applyRuleOption(p.rule, argv, i);
    if (next >= 0) {
      p.ruleOptionsSeen = true;
      i = next;
      continue;
    }
    if (!a.startsWith('-'))
      throw new IptError(
        `Bad argument \`${a}'\nTry \`iptables -h' or 'iptables --help' for more information.\n`,
        2,
      );
    throw paramProblem(`unknown option "${a}"`);
  }
  if (!p.cmd) throw paramProblem('no command specified');
  if (p.rule.pendingInvert) throw paramProblem('nothing appropriate following !');
  if (p.cmd === 'D' && p.rulenum && p.ruleOptionsSeen)
    throw paramProblem("Illegal option `-s' with this command");
  if ('LSFZNXEP'.includes(p.cmd) && p.ruleOptionsSeen) {
    const first = argvIn.find((x) => /^-[sdpjio]$/.test(x)) ?? '-s';
    throw paramProblem(`Illegal option \`${first}' with this command`);
  }
  if (p.chain && p.chain.length >= 29)
    throw paramProblem(`chain name \`${p.chain}' too long (must be under 29 chars)`);
  if ('ACDIR'.includes(p.cmd) && !(p.cmd === 'D' && p.rulenum)) {
    const chain = p.chain ?? '';
    if ((chain === 'PREROUTING' || chain === 'INPUT') && p.rule.spec.out)
      throw paramProblem(`Can't use -o with ${chain}\n`);
    if ((chain === 'POSTROUTING' || chain === 'OUTPUT') && p.rule.spec.in)
      throw paramProblem(`Can't use -i with ${chain}\n`);
    finishRule(p.rule.spec, p.table);
  }
  if (p.cmd === 'P' && p.table === 'nat' && p.policy === 'DROP') {
    throw paramProblem(
      '\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n',
    );
  }
  return p;
}
