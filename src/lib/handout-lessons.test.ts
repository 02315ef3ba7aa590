// The handout outputs of the lessons whose learners also edit files or carry a value between hosts
// (capstone, docker-workflow, playground): with <Edit> steps and <Try from>, the steps after them
// print what the lesson says, not errors. Steps are read from the MDX in document order, as the
// built page lists them (handout-output.ts reads the same attributes from the HTML).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type PageLab, type PageStep, runTrySteps } from './handout-output.ts';

/** props reads an MDX tag's attributes: name="…", name={"…"} and name={`…`}. */
function props(source: string): Map<string, string> {
  const found = new Map<string, string>();
  const attr = /([A-Za-z]+)=(?:"([^"]*)"|\{("(?:[^"\\]|\\.)*")\}|\{`([^`]*)`\})/g;
  for (const m of source.matchAll(attr)) {
    const value = m[2] ?? (m[3] !== undefined ? (JSON.parse(m[3]) as string) : (m[4] as string));
    found.set(m[1] as string, value);
  }
  return found;
}

/** lessonSteps lists a lesson's labs (front matter first, the primary) and its Try/Edit steps. */
function lessonSteps(slug: string): { labs: PageLab[]; steps: PageStep[] } {
  const mdx = readFileSync(new URL(`../../content/lessons/${slug}.mdx`, import.meta.url), 'utf8');
  const front = /\nlabs:\n((?:\s+- .+\n)+)/.exec(mdx)?.[1] ?? '';
  const labs: PageLab[] = [...front.matchAll(/- (\S+)/g)].map((m, i) => ({
    scenario: m[1] as string,
    primary: i === 0,
  }));
  const steps: PageStep[] = [];
  for (const m of mdx.matchAll(/<(Try|Edit|Lab)\b((?:[^>"{]|"[^"]*"|\{[^}]*(?:\}\}[^}]*)*\})*?)\/>/g)) {
    const p = props(m[2] as string);
    if (m[1] === 'Lab') labs.push({ scenario: p.get('scenario') ?? '', primary: false });
    else if (m[1] === 'Edit')
      steps.push({
        kind: 'edit',
        lab: p.get('lab') ?? '',
        host: p.get('host') ?? '',
        file: p.get('file') ?? '',
        content: p.get('content') ?? '',
        replace: p.get('replace'),
      });
    else
      steps.push({
        lab: p.get('lab') ?? '',
        host: p.get('host') ?? '',
        command: p.get('command') ?? '',
        from: p.get('from'),
        fromHost: p.get('fromHost'),
      });
  }
  return { labs, steps };
}

/** outputsOf runs a lesson's steps and returns the Try outputs by command (the last one wins). */
function outputsOf(slug: string): { all: string[]; by: (command: string, nth?: number) => string } {
  const { labs, steps } = lessonSteps(slug);
  const outputs = runTrySteps(steps, labs);
  const all: string[] = [];
  const byCommand = new Map<string, string[]>();
  steps.forEach((step, i) => {
    if (step.kind === 'edit') return;
    const text = outputs[i];
    assert.ok(text !== undefined, `${slug}: ${step.command} has an output`);
    all.push(text);
    byCommand.set(step.command, [...(byCommand.get(step.command) ?? []), text]);
  });
  return {
    all,
    by: (command, nth = 0) => {
      const found = byCommand.get(command)?.[nth];
      assert.ok(found !== undefined, `${slug}: no step runs ${command}`);
      return found;
    },
  };
}

test('capstone: the db service added by <Edit> is there for every later step', () => {
  const { all, by } = outputsOf('capstone');
  assert.equal(all.length, 20);
  assert.match(by('docker compose up -d', 1), /Container shop-db-1 {2}Started/);
  assert.equal(
    by(
      "docker inspect -f '{{range $net, $cfg := .NetworkSettings.Networks}}{{$net}} {{$cfg.IPAddress}} {{end}}' shop-db-1",
    ),
    "root@host1:~# docker inspect -f '{{range $net, $cfg := .NetworkSettings.Networks}}{{$net}} {{$cfg.IPAddress}} {{end}}' shop-db-1\nshop_back 172.18.0.3",
  );
  assert.match(by('docker exec shop-backend-1 nc -zv db 6379'), /db \(172\.18\.0\.3:6379\) open$/);
  assert.match(
    by('docker run --rm --network container:shop-db-1 nicolaka/netshoot ping -c 1 -W 1 8.8.8.8'),
    /ping: connect: Network is unreachable$/,
  );
  for (const text of all) assert.doesNotMatch(text, /No such (object|container)/);
});

test('docker-workflow: the RUN line added by <Edit> is built, pushed and served', () => {
  const { all, by } = outputsOf('docker-workflow');
  assert.equal(by('cat Dockerfile').split('\n').at(-1), 'RUN echo 1.1 > /usr/share/nginx/html/version.txt');
  assert.match(
    by('docker build -t myapp:1.1 .'),
    /\[3\/3\] RUN echo 1\.1 > \/usr\/share\/nginx\/html\/version\.txt/,
  );
  assert.equal(
    by('docker exec web cat /usr/share/nginx/html/version.txt'),
    'root@host2:~# docker exec web cat /usr/share/nginx/html/version.txt\n1.1',
  );
  for (const text of all) assert.doesNotMatch(text, /No such file or directory/);
});

test('playground: host2 and host3 join with the token host1 prints, so the swarm steps work', () => {
  const { all, by } = outputsOf('playground');
  const command = 'docker swarm join --token {{token}} 192.168.1.11:2377';
  for (const [nth, host] of ['host2', 'host3'].entries()) {
    const lines = by(command, nth).split('\n');
    assert.equal(lines[0], 'root@host1:~# docker swarm join-token -q worker');
    assert.match(lines[1] as string, /^SWMTKN-1-\S+$/);
    assert.equal(lines[2], `root@${host}:~# docker swarm join --token ${lines[1]} 192.168.1.11:2377`);
    assert.equal(lines[3], 'This node joined a swarm as a worker.');
    assert.equal(lines.length, 4);
  }
  // The token is the one the full join command printed just before.
  assert.match(by('docker swarm join-token worker'), new RegExp(by(command).split('\n')[1] as string));
  assert.match(by('docker node ls'), /host3 +Ready +Active/);
  assert.match(by('docker run --rm --network mesh alpine nslookup whoami'), /Address: 10\.0\.1\.\d+/);
  assert.match(by('docker node update --availability drain host3'), /\nhost3$/);
  for (const text of all) assert.doesNotMatch(text, /network mesh not found|node host3 not found/);
});
