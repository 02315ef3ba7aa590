// Mirrors bash's command.h / busybox shell/ash.c `union node`: the tree a command line parses into.
// Simplified: no case/select/functions/arrays/here-documents; words keep their parts so expansion
// can tell quoted text from unquoted expansions (field splitting, globbing).

/** WordPart is one piece of a word: literal text, a parameter, a command substitution … */
export type WordPart =
  /** lit is literal text; quoted text is never split or globbed. */
  | { t: 'lit'; v: string; quoted: boolean }
  /** tilde is an unquoted `~` or `~user` at the start of a word. */
  | { t: 'tilde'; user: string }
  /** param is `$name`, `${name}`, `${name:-word}`, `${#name}` … */
  | { t: 'param'; name: string; op?: ParamOp; arg?: Word; quoted: boolean }
  /** badsubst is a `${…}` the shell could not parse; bash reports it when expanding. */
  | { t: 'badsubst'; text: string; quoted: boolean }
  /** cmdsub is `$(…)` or a backquoted command. */
  | { t: 'cmdsub'; body: Script; quoted: boolean }
  /** arith is `$((…))`; expr is expanded first, then evaluated. */
  | { t: 'arith'; expr: Word; quoted: boolean };

/** ParamOp is the operator inside `${name<op>word}`; `len` is `${#name}`. */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | 'len';

/** Word is one shell word as written, split into parts; raw is its source text. */
export interface Word {
  parts: WordPart[];
  raw: string;
}

/** RedirOp is a redirection operator. */
export type RedirOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<<';

/** Redir is one redirection: [fd]op target. */
export interface Redir {
  fd: number;
  op: RedirOp;
  target: Word;
}

/** Assign is a `NAME=value` word before a command. */
export interface Assign {
  name: string;
  value: Word;
}

/** SimpleCommand is assignments, words and redirections. */
export interface SimpleCommand {
  kind: 'simple';
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
}

/** CompoundCommand is a subshell, a brace group, if, for, while or until. */
export type CompoundCommand =
  | { kind: 'subshell'; body: Script; redirs: Redir[] }
  | { kind: 'group'; body: Script; redirs: Redir[] }
  | { kind: 'if'; branches: Array<{ cond: Script; body: Script }>; otherwise?: Script; redirs: Redir[] }
  | { kind: 'for'; name: string; items?: Word[]; body: Script; redirs: Redir[] }
  | { kind: 'while'; until: boolean; cond: Script; body: Script; redirs: Redir[] };

/** Command is anything a pipeline stage can be. */
export type Command = SimpleCommand | CompoundCommand;

/** Pipeline is commands joined by `|`; stderrToo marks `|&` after a stage (bash). */
export interface Pipeline {
  negate: boolean;
  commands: Command[];
  stderrToo: boolean[];
}

/** AndOr is pipelines joined by `&&` and `||`. */
export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

/** Script is a list of and-or lists separated by `;`, `&` or newlines. */
export interface Script {
  items: Array<{ andOr: AndOr; background: boolean }>;
}
