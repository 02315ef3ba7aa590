// Build-time handout output: fills each <Try>'s print-only output slot in a built lesson page with
// what the simulator prints for that command. The page's labs start as the browser starts them
// (scenario files, then setup); the page's <Try> commands and <Edit> file edits then run in
// document order, each in the lab the browser would pick (try-element.ts: its `lab`, else the
// primary lab, else the first). A <Try> with `from` first runs that command, as the page does, and
// puts its output in the command's `{{placeholder}}` (lab-edit.ts holds the rules both follow).
// Runs in Node after `astro build` (scripts/build-handouts.mjs), on the HTML, so the order is the
// document's and Pagefind (which indexed the page before) never sees the outputs.

import { t } from '../i18n/index.ts';
import { getScenario } from '../scenarios/index.ts';
import { startScenario } from '../scenarios/start.ts';
import type { Sim } from '../sim/index.ts';
import { decodeEntities } from './html-text.ts';
import { applyEdit, fillPlaceholders, labPath, usableValue } from './lab-edit.ts';

/**
 * TryStep is one <Try> of a page: the lab it names ('' for the default), its host and command; with
 * `from`, the command (run on `fromHost`) whose output fills the command's placeholder.
 */
export interface TryStep {
  kind?: 'try';
  lab: string;
  host: string;
  command: string;
  from?: string;
  fromHost?: string;
}

/** EditStep is one <Edit> of a page: a lab file's new text (lab-edit.ts's FileEdit) on a host. */
export interface EditStep {
  kind: 'edit';
  lab: string;
  host: string;
  file: string;
  content: string;
  replace?: string;
}

/** PageStep is a <Try> or an <Edit>, in document order. */
export type PageStep = TryStep | EditStep;

/** PageLab is one <dnl-lab> of a page: its scenario id and whether it is the lesson's main lab. */
export interface PageLab {
  scenario: string;
  primary: boolean;
}

/** MAX_OUTPUT_LINES caps one printed output; longer ones end with a line saying how many were cut. */
export const MAX_OUTPUT_LINES = 40;

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

/** escapeHtml escapes text for an HTML text node. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** attributes reads the attributes of one start tag (`<x a="1" b>`) into a map; names are lower-case. */
export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  const attr = /\s([^\s=/>]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of tag.replace(/^<[^\s>]+/, '').matchAll(attr)) {
    found.set((m[1] as string).toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return found;
}

/** clip keeps the first MAX_OUTPUT_LINES lines of an output and says how many it left out. */
export function clip(output: string, max = MAX_OUTPUT_LINES): string {
  const lines = output.split('\n');
  if (lines.length <= max) return output;
  const cut = lines.length - max;
  return `${lines.slice(0, max).join('\n')}\n${t('handout.moreLines', { count: cut })}`;
}

/**
 * runTrySteps runs `steps` in order on fresh worlds of the page's labs and returns, per step, the
 * terminal text it produces (prompt, command, then stdout and stderr as written), or undefined
 * when its lab is not a known scenario or the step is an <Edit> (which writes its file, silently).
 */
export function runTrySteps(steps: readonly PageStep[], labs: readonly PageLab[]): (string | undefined)[] {
  const fallback = (labs.find((l) => l.primary) ?? labs[0])?.scenario ?? '';
  const sims = new Map<string, Sim | undefined>();
  const simFor = (id: string): Sim | undefined => {
    if (!sims.has(id)) {
      let sim: Sim | undefined;
      try {
        sim = startScenario(getScenario(id));
      } catch {
        sim = undefined;
      }
      sims.set(id, sim);
    }
    return sims.get(id);
  };
  return steps.map((step) => {
    const sim = simFor(step.lab || fallback);
    if (!sim) return undefined;
    const hostOf = (name: string | undefined) => (name && sim.hosts().includes(name) ? name : undefined);
    const host = hostOf(step.host);
    if (step.kind === 'edit') {
      const path = labPath(step.file);
      sim.writeFile(path, applyEdit(sim.readFile(path, host), step), host);
      return undefined;
    }
    const run = (command: string, on: string | undefined) => {
      const prompt = sim.prompt(on);
      const result = sim.exec(command, on ? { host: on } : {});
      const text = result.transcript
        .map((chunk) => chunk.text)
        .join('')
        .replace(ANSI, '');
      return { result, text: `${prompt}${command}\n${text}`.replace(/\s+$/, '') };
    };
    if (!step.from) return clip(run(step.command, host).text);
    // As on the page: the `from` command runs visibly; the step runs only with a usable value.
    const source = run(step.from, hostOf(step.fromHost) ?? host);
    if (!usableValue(source.result.exitCode, source.result.stdout)) return clip(source.text);
    const filled = run(fillPlaceholders(step.command, source.result.stdout), host);
    return clip(`${source.text}\n${filled.text}`);
  });
}

/** START_TAG is the rest of a start tag; attribute values may hold `>` (`echo 1 > f`). */
const START_TAG = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*>`;
const TAGS = new RegExp(
  String.raw`<dnl-(?:lab|try|edit)\b${START_TAG}|<samp\b[^>]*\bdata-try-output\b[^>]*>\s*<\/samp>`,
  'g',
);

/** HandoutFill is a filled page and how many outputs went in. */
export interface HandoutFill {
  html: string;
  filled: number;
}

/**
 * fillTryOutputs computes every <Try> output of a built page and writes it into the empty
 * `<samp data-try-output>` that Try.astro renders inside each <dnl-try>. Pages without labs or
 * Try commands come back unchanged.
 */
export function fillTryOutputs(html: string): HandoutFill {
  const labs: PageLab[] = [];
  const steps: PageStep[] = [];
  const slots: { start: number; end: number; tag: string; step: number }[] = [];
  let current = -1;
  for (const m of html.matchAll(TAGS)) {
    const tag = m[0];
    if (tag.startsWith('<dnl-lab')) {
      const a = attributes(tag);
      labs.push({ scenario: a.get('data-scenario') ?? '', primary: a.has('data-primary') });
    } else if (tag.startsWith('<dnl-try')) {
      const a = attributes(tag);
      steps.push({
        lab: a.get('data-lab') ?? '',
        host: a.get('data-host') ?? '',
        command: a.get('data-command') ?? '',
        from: a.get('data-from') || undefined,
        fromHost: a.get('data-from-host') || undefined,
      });
      current = steps.length - 1;
    } else if (tag.startsWith('<dnl-edit')) {
      const a = attributes(tag);
      steps.push({
        kind: 'edit',
        lab: a.get('data-lab') ?? '',
        host: a.get('data-host') ?? '',
        file: a.get('data-file') ?? '',
        content: a.get('data-content') ?? '',
        replace: a.get('data-replace') || undefined,
      });
    } else if (current >= 0) {
      slots.push({ start: m.index, end: m.index + tag.length, tag, step: current });
      current = -1;
    }
  }
  if (slots.length === 0 || labs.length === 0) return { html, filled: 0 };
  const outputs = runTrySteps(steps, labs);
  let out = '';
  let at = 0;
  let filled = 0;
  for (const slot of slots) {
    const text = outputs[slot.step];
    if (text === undefined) continue;
    const open = (slot.tag.match(/^<samp\b[^>]*>/) as RegExpMatchArray)[0];
    out += `${html.slice(at, slot.start)}${open}${escapeHtml(text)}</samp>`;
    at = slot.end;
    filled++;
  }
  return { html: out + html.slice(at), filled };
}

/** QuizKeyEntry is one quiz of a page: its question and the text of its right answer. */
export interface QuizKeyEntry {
  question: string;
  answer: string;
}

const stripTags = (html: string): string =>
  decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

/** readQuizzes finds the <Quiz> blocks of a built page (Quiz.astro's markup), in document order. */
export function readQuizzes(html: string): QuizKeyEntry[] {
  const entries: QuizKeyEntry[] = [];
  for (const m of html.matchAll(/<dnl-quiz\b([^>]*)>([\s\S]*?)<\/dnl-quiz>/g)) {
    const answer = Number(attributes(`<q ${m[1]}>`).get('data-answer'));
    const body = m[2] as string;
    const question = stripTags(body.match(/<legend\b[^>]*>([\s\S]*?)<\/legend>/)?.[1] ?? '');
    const choices = [
      ...body.matchAll(/<label\b[^>]*>\s*<input\b[^>]*>\s*<span\b[^>]*>([\s\S]*?)<\/span>/g),
    ].map((c) => stripTags(c[1] as string));
    const right = choices[answer];
    if (question && right !== undefined) entries.push({ question, answer: right });
  }
  return entries;
}

/**
 * fillAnswerKey writes the page's quiz answers into the print-only `<div data-handout-key>` that
 * LessonLayout renders after the lesson, so a handout has its key on the last page.
 */
export function fillAnswerKey(html: string): HandoutFill {
  const slot = html.match(/<div\b[^>]*\bdata-handout-key\b[^>]*>\s*<\/div>/);
  const quizzes = readQuizzes(html);
  if (!slot || slot.index === undefined || quizzes.length === 0) return { html, filled: 0 };
  const open = (slot[0].match(/^<div\b[^>]*>/) as RegExpMatchArray)[0];
  const items = quizzes
    .map(
      (q) =>
        `<li><span class="handout-key-question">${escapeHtml(q.question)}</span> <strong>${escapeHtml(q.answer)}</strong></li>`,
    )
    .join('');
  const key = `${open}<h2>${escapeHtml(t('handout.answerKey'))}</h2><ol>${items}</ol></div>`;
  return {
    html: html.slice(0, slot.index) + key + html.slice(slot.index + slot[0].length),
    filled: quizzes.length,
  };
}
