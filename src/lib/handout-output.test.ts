// Handout outputs: Try slots filled in document order from the page's labs, answer keys, helpers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  attributes,
  clip,
  fillAnswerKey,
  fillTryOutputs,
  readQuizzes,
  runTrySteps,
} from './handout-output.ts';

const tryHtml = (command: string, lab = '', host = '') =>
  `<dnl-try class="try" data-lab="${lab}" data-host="${host}" data-command="${command}"><button>x</button>` +
  '<samp class="try-output" data-try-output data-pagefind-ignore data-astro-cid-x></samp></dnl-try>';

test('attributes read what Astro writes in attributes', () => {
  const a = attributes(
    '<dnl-try class="try" data-primary data-command="docker inspect -f &#39;{{.Id}}&#39; web">',
  );
  assert.equal(a.get('data-command'), "docker inspect -f '{{.Id}}' web");
  assert.equal(a.get('data-primary'), '');
  assert.equal(a.has('data-lab'), false);
});

test('clip keeps short outputs and says how many lines it cut from long ones', () => {
  assert.equal(clip('a\nb', 2), 'a\nb');
  assert.equal(clip('a\nb\nc\nd', 2), 'a\nb\n[… 2 more lines: run it in the lab]');
});

test('fillTryOutputs runs Try commands in document order in the primary lab', () => {
  const page =
    `<p>${tryHtml('docker network create app')} then ${tryHtml('docker network ls')}</p>` +
    `${tryHtml('echo &#39;&lt;hi&gt;&#39;')}<dnl-lab data-scenario="playground" data-primary=""></dnl-lab>`;
  const { html, filled } = fillTryOutputs(page);
  assert.equal(filled, 3);
  const outputs = [...html.matchAll(/<samp[^>]*>([\s\S]*?)<\/samp>/g)].map((m) => m[1] as string);
  assert.match(outputs[0] as string, /^root@host1:~# docker network create app\n[0-9a-f]{64}$/);
  const ls = (outputs[1] as string).split('\n');
  assert.equal(ls[0], 'root@host1:~# docker network ls');
  assert.equal(ls[1], 'NETWORK ID     NAME      DRIVER    SCOPE');
  assert.deepEqual(
    ls.slice(2).map((line) => line.split(/\s+/)[1]),
    ['app', 'bridge', 'host', 'none'],
  );
  assert.equal(outputs[2], "root@host1:~# echo '&lt;hi&gt;'\n&lt;hi&gt;");
  // The rest of the page is untouched.
  assert.equal(html.replace(/(<samp[^>]*>)[\s\S]*?<\/samp>/g, '$1</samp>'), page);
});

test('a Try names its lab and host; unknown labs and pages without labs stay unfilled', () => {
  const outputs = runTrySteps(
    [
      { lab: 'two-hosts', host: 'host2', command: 'hostname' },
      { lab: 'no-such-lab', host: '', command: 'hostname' },
      { lab: '', host: 'nowhere', command: 'hostname' },
    ],
    [{ scenario: 'playground', primary: false }],
  );
  assert.deepEqual(outputs, ['root@host2:~# hostname\nhost2', undefined, 'root@host1:~# hostname\nhost1']);
  const page = `<p>${tryHtml('docker ps')}</p>`;
  assert.deepEqual(fillTryOutputs(page), { html: page, filled: 0 });
});

test('an <Edit> writes its file in document order, and a Try with `from` fills its placeholder', () => {
  const edit =
    '<dnl-edit class="edit" data-lab data-host data-file="/root/notes.txt" data-content="a > b" ' +
    'data-replace="# here"><button>Apply</button></dnl-edit>';
  const from = (command: string, source: string) =>
    `<dnl-try class="try" data-lab data-host="host1" data-command="${command}" data-from="${source}" ` +
    'data-from-host="host2"><samp class="try-output" data-try-output></samp></dnl-try>';
  const page =
    `${tryHtml('cat notes.txt')}${edit}${tryHtml('cat notes.txt')}` +
    `${from('echo {{who}} > who.txt', 'hostname')}${from('echo {{who}}', 'false')}` +
    '<dnl-lab data-scenario="two-hosts" data-primary></dnl-lab>';
  const { html, filled } = fillTryOutputs(page);
  assert.equal(filled, 4);
  const outputs = [...html.matchAll(/<samp[^>]*>([\s\S]*?)<\/samp>/g)].map((m) => m[1] as string);
  assert.deepEqual(outputs, [
    'root@host1:~# cat notes.txt\ncat: notes.txt: No such file or directory',
    'root@host1:~# cat notes.txt\na &gt; b',
    'root@host2:~# hostname\nhost2\nroot@host1:~# echo host2 &gt; who.txt',
    'root@host2:~# false',
  ]);
});

test('fillAnswerKey lists each quiz question with its right answer', () => {
  const quiz = (question: string, choices: string[], answer: number) =>
    `<dnl-quiz class="quiz" data-answer="${answer}"><form><fieldset><legend>${question}</legend>` +
    choices
      .map((c, i) => `<label><input type="radio" name="q" value="${i}"><span>${c}</span></label>`)
      .join('') +
    '</fieldset></form></dnl-quiz>';
  const page = `${quiz('Which &amp; why?', ['A', 'B <i>b</i>'], 1)}${quiz('Bad', ['A'], 3)}<div class="handout-key" data-handout-key></div>`;
  assert.deepEqual(readQuizzes(page), [{ question: 'Which & why?', answer: 'B b' }]);
  const { html, filled } = fillAnswerKey(page);
  assert.equal(filled, 1);
  assert.ok(
    html.endsWith(
      '<div class="handout-key" data-handout-key><h2>Quiz answer key</h2><ol><li><span class="handout-key-question">Which &amp; why?</span> <strong>B b</strong></li></ol></div>',
    ),
  );
  assert.deepEqual(fillAnswerKey('<p>no quiz</p>'), { html: '<p>no quiz</p>', filled: 0 });
});
