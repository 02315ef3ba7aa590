// Job control as bash shows it: `[1] PID`, jobs, kill by %job or pid, the Done notice before the
// next prompt, in the host shell, for `docker exec … &`, and inside an attached container shell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';
import { JobTable, TerminalQueue } from './jobs.ts';

const text = (r: { transcript: Array<{ text: string }> }): string => r.transcript.map((c) => c.text).join('');

test('the job table: ids, marks, notices and job specs', () => {
  const t = new JobTable(new TerminalQueue(), 100);
  const a = t.start('tcpdump -i eth0', false);
  const b = t.start('tcpdump -i lo', false);
  assert.deepEqual([a.id, a.pid, b.id, b.pid], [1, 100, 2, 101]);
  assert.deepEqual([t.mark(a), t.mark(b)], ['-', '+']);
  assert.equal(t.find('%%'), b);
  assert.equal(t.find('%-'), a);
  assert.equal(t.find('100'), a);
  assert.equal(t.find('%3'), undefined);
  t.end(a);
  assert.equal(t.notices(), '[1]-  Done                    tcpdump -i eth0\n');
  assert.equal(t.notices(), '');
  t.end(b, 'Killed');
  assert.equal(t.notices(), '[2]+  Killed                  tcpdump -i lo\n');
  const q = new TerminalQueue();
  q.write('stdout', 'a\n', 5);
  q.write('stdout', 'b\n', 6);
  q.write('stderr', 'c\n');
  assert.deepEqual(q.take(), [
    { stream: 'stdout', text: 'a\nb\n' },
    { stream: 'stderr', text: 'c\n' },
  ]);
});

test('docker exec … tcpdump & in the host shell, kill by pid, and kill errors', () => {
  const sim = createWorld();
  sim.exec('docker network create appnet');
  sim.exec('docker run -d --name web --network appnet nginx');
  sim.exec('docker run -d --name box --network appnet nicolaka/netshoot sleep infinity');
  const start = sim.exec('docker exec box tcpdump -i eth0 -n -c 1 icmp &');
  assert.match(start.stderr, /^\[1\] 1451\ntcpdump: verbose output suppressed/);
  const ping = sim.exec('docker exec box ping -c 1 web');
  assert.match(
    text(ping),
    /^\d\d:\d\d:\d\d\.\d{6} IP 172\.18\.0\.3 > 172\.18\.0\.2: ICMP echo request, id \d+, seq 1, length 64\n1 packet captured\n1 packet received by filter\n0 packets dropped by kernel\nPING web/,
  );
  assert.match(ping.stderr, /\[1\]\+ {2}Done {20}docker exec box tcpdump -i eth0 -n -c 1 icmp\n$/);
  sim.exec('tcpdump -i lo -n &');
  const killed = sim.exec('kill 1452');
  assert.deepEqual(
    [killed.stdout, killed.stderr],
    [
      '\n',
      `0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n[1]+  Done                    tcpdump -i lo -n\n`,
    ],
  );
  assert.equal(sim.exec('kill 1452').stderr, 'bash: kill: (1452) - No such process\n');
  assert.equal(sim.exec('kill -HUP %1').stderr, 'bash: kill: HUP: invalid signal specification\n');
  assert.equal(sim.exec('kill').exitCode, 2);
});

test('inside an attached netshoot shell: a background capture interleaves with ping', () => {
  const sim = createWorld();
  sim.exec('docker network create appnet');
  sim.exec('docker run -d --name web --network appnet nginx');
  sim.exec('docker run -it --name ns --network appnet nicolaka/netshoot bash');
  assert.match(sim.exec('tcpdump -i eth0 -n -c 4 icmp &').stderr, /^\[1\] \d+\n/);
  const out = text(sim.exec('ping -c 2 web'))
    .replace(/\d\d:\d\d:\d\d\.\d{6}/g, 'T')
    .replace(/id \d+/g, 'id N');
  assert.equal(
    out.split('\n--- ')[0],
    [
      'PING web (172.18.0.2) 56(84) bytes of data.',
      'T IP 172.18.0.3 > 172.18.0.2: ICMP echo request, id N, seq 1, length 64',
      'T IP 172.18.0.2 > 172.18.0.3: ICMP echo reply, id N, seq 1, length 64',
      out.split('\n')[3],
      'T IP 172.18.0.3 > 172.18.0.2: ICMP echo request, id N, seq 2, length 64',
      'T IP 172.18.0.2 > 172.18.0.3: ICMP echo reply, id N, seq 2, length 64',
      '4 packets captured',
      '4 packets received by filter',
      '0 packets dropped by kernel',
      out.split('\n')[9],
      '',
    ].join('\n'),
  );
  assert.match(out, /\n\[1\]\+ {2}Done {20}tcpdump -i eth0 -n -c 4 icmp\n$/);
});
