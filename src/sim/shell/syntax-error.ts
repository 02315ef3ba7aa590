// Mirrors bash parse.y (report_syntax_error, parser_error "unexpected EOF while looking for
// matching") and busybox shell/ash.c (raise_error_unexpected_syntax, "unterminated quoted string",
// "EOF in backquote substitution", "missing '}'", "bad substitution"); simplified: one line at a time,
// so an unfinished line is reported as bash/ash report end of input in an interactive shell.

/** Dialect picks the grammar and the wording of errors: GNU bash on hosts, busybox ash in containers. */
export type Dialect = 'bash' | 'ash';

/** SyntaxProblem says what the parser stumbled on, independent of the wording. */
export type SyntaxProblem =
  /** token is an operator or reserved word where it may not stand ("newline" for end of line). */
  | { kind: 'token'; token: string }
  /** eof is the end of the line while a command was still open; ash names what it expected. */
  | { kind: 'eof'; expecting?: string }
  /** unmatched is an open quote, backquote, `$(` or `${` at end of line. */
  | { kind: 'unmatched'; open: '"' | "'" | '`' | '$(' | '${' }
  /** badsubst is a `${…}` ash cannot parse. */
  | { kind: 'badsubst' }
  /** badfor is `for` without a valid variable name (ash). */
  | { kind: 'badfor'; name: string }
  /** redirection is a redirection ash does not know (`<<<`). */
  | { kind: 'redirection' };

/** ShellSyntaxError is thrown by the lexer and parser and caught by the shell. */
export class ShellSyntaxError extends Error {
  readonly problem: SyntaxProblem;
  constructor(problem: SyntaxProblem) {
    super(`syntax error: ${JSON.stringify(problem)}`);
    this.problem = problem;
    this.name = 'ShellSyntaxError';
  }
}

/** syntaxErrorMessage words a syntax problem as bash or busybox ash prints it (without the `name: ` prefix). */
export function syntaxErrorMessage(p: SyntaxProblem, dialect: Dialect): string {
  if (dialect === 'bash') {
    switch (p.kind) {
      case 'token':
        return `syntax error near unexpected token \`${p.token}'`;
      case 'eof':
        return 'syntax error: unexpected end of file';
      case 'unmatched': {
        const close = p.open === '$(' ? ')' : p.open === '${' ? '}' : p.open;
        return `unexpected EOF while looking for matching \`${close}'`;
      }
      case 'badfor':
        return `\`${p.name}': not a valid identifier`;
      case 'badsubst':
        return 'bad substitution';
      case 'redirection':
        return "syntax error near unexpected token `<'";
    }
  }
  switch (p.kind) {
    case 'token':
      return p.token === 'newline'
        ? 'syntax error: unexpected newline'
        : `syntax error: unexpected "${p.token}"`;
    case 'eof':
      return p.expecting
        ? `syntax error: unexpected end of file (expecting "${p.expecting}")`
        : 'syntax error: unexpected end of file';
    case 'unmatched':
      if (p.open === '`') return 'syntax error: EOF in backquote substitution';
      if (p.open === '$(') return 'syntax error: unexpected end of file (expecting ")")';
      if (p.open === '${') return "syntax error: missing '}'";
      return 'syntax error: unterminated quoted string';
    case 'badfor':
      return 'syntax error: bad for loop variable';
    case 'badsubst':
      return 'syntax error: bad substitution';
    case 'redirection':
      return 'syntax error: unexpected redirection';
  }
}
