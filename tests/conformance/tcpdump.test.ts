// tcpdump on the wire of a three-host swarm: the overlay tutorial's cross-host ping seen on the
// receiving host's eth0 as VXLAN (outer host addresses, UDP 4789, the network's VNI, the inner
// ICMP echo), and a curl to a published port seen on the LAN side and, DNAT-rewritten, on docker0.
// Formats: tcpdump 4.99.4 print-vxlan.c / print-icmp.c / print-tcp.c; bash's job notices.
// https://docs.docker.com/engine/network/tutorials/overlay/#use-an-overlay-network-for-standalone-containers
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../src/sim/index.ts';

const BANNER = (iface: string): string =>
  'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n' +
  `listening on ${iface}, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n`;
const SUMMARY = (n: number): string =>
  `${n} packets captured\n${n} packets received by filter\n0 packets dropped by kernel\n`;
const TS = '\\d\\d:\\d\\d:\\d\\d\\.\\d{6}';
const esc = (s: string): string => s.replace(/\./g, '\\.');

function world() {
  const sim = createWorld({ hosts: ['host1', 'host2', 'host3'] });
  const run = (host: string, line: string) => {
    const r = sim.exec(line, { host });
    return { ...r, text: r.transcript.map((c) => c.text).join('') };
  };
  const ip = (host: string): string => run(host, 'hostname -I').stdout.trim().split(' ')[0];
  return { sim, run, ip };
}

test('three hosts: swarm, attachable overlay, ping by name, VXLAN on the receiving eth0', () => {
  const { sim, run, ip } = world();
  const init = run('host1', 'docker swarm init');
  assert.equal(init.exitCode, 0);
  const join = /^ {4}(docker swarm join --token \S+ \S+:2377)$/m.exec(init.stdout)?.[1] ?? '';
  assert.equal(run('host2', join).stdout, 'This node joined a swarm as a worker.\n');
  assert.equal(run('host3', join).stdout, 'This node joined a swarm as a worker.\n');
  assert.equal(run('host1', 'docker network create -d overlay --attachable my-overlay').exitCode, 0);
  const vni = run(
    'host1',
    `docker network inspect my-overlay -f '{{index .Options "com.docker.network.driver.overlay.vxlanid_list"}}'`,
  ).stdout.trim();
  assert.match(vni, /^\d+$/);
  assert.equal(run('host1', 'docker run -dit --name alpine1 --network my-overlay alpine').exitCode, 0);
  assert.equal(run('host2', 'docker run -dit --name alpine2 --network my-overlay alpine').exitCode, 0);
  const a1 = run('host1', 'docker exec alpine1 hostname -i').stdout.trim();
  const a2 = run('host2', 'docker exec alpine2 hostname -i').stdout.trim();

  const start = run('host2', 'tcpdump -i eth0 -n udp port 4789 &');
  assert.equal(start.stderr, `[1] 1451\n${BANNER('eth0')}`);
  assert.equal(start.exitCode, 0);
  assert.equal(sim.busy('host2'), false);
  assert.match(run('host2', 'jobs').stdout, /^\[1\]\+ {2}Running {17}tcpdump -i eth0 -n udp port 4789 &\n$/);

  const heard: string[] = [];
  const sub = sim.onOutput((e) => heard.push(e.host));
  const ping = run('host1', 'docker exec alpine1 ping -c 2 alpine2');
  sub.dispose();
  assert.equal(ping.exitCode, 0);
  assert.match(ping.stdout, new RegExp(`^PING alpine2 \\(${esc(a2)}\\): 56 data bytes\n`));
  assert.doesNotMatch(ping.text, /VXLAN/, 'the capture prints on host2, not in host1 terminal');
  assert.deepEqual(heard, ['host2']);

  const stop = run('host2', 'kill %1');
  const [h1, h2] = [esc(ip('host1')), esc(ip('host2'))];
  const outer = (src: string, dst: string): string =>
    `${TS} IP ${src}\\.\\d+ > ${dst}\\.4789: VXLAN, flags \\[I\\] \\(0x08\\), vni ${vni}`;
  const inner = (kind: string, src: string, dst: string, seq: number): string =>
    `IP ${esc(src)} > ${esc(dst)}: ICMP echo ${kind}, id \\d+, seq ${seq}, length 64`;
  const lines = [0, 1].flatMap((seq) => [
    outer(h1, h2),
    inner('request', a1, a2, seq),
    outer(h2, h1),
    inner('reply', a2, a1, seq),
  ]);
  assert.match(stop.stdout, new RegExp(`^${lines.join('\n')}\n\n$`));
  assert.equal(stop.stderr, `${SUMMARY(4)}[1]+  Done                    tcpdump -i eth0 -n udp port 4789\n`);
  assert.equal(run('host2', 'jobs').stdout, '');
});

test('a curl to a published port: on eth0 as sent, on docker0 after DNAT; -c ends the job', () => {
  const { run, ip } = world();
  assert.equal(run('host1', 'docker run -d --name web -p 8080:80 nginx').exitCode, 0);
  const webIp = run('host1', "docker inspect -f '{{.NetworkSettings.IPAddress}}' web").stdout.trim();
  const [h1, h2] = [ip('host1'), ip('host2')];
  assert.equal(
    run('host1', 'tcpdump -i docker0 -n -c 3 tcp port 80 &').stderr,
    `[1] 1451\n${BANNER('docker0')}`,
  );
  assert.equal(run('host1', 'tcpdump -i eth0 -nn tcp &').stderr, `[2] 1452\n${BANNER('eth0')}`);
  assert.equal(run('host2', `curl -s -o /dev/null -w '%{http_code}\\n' http://${h1}:8080/`).stdout, '200\n');
  const out = run('host1', 'kill %2');
  const c = `${esc(h2)}\\.(\\d+)`;
  const bridged = [
    `${TS} IP ${c} > ${esc(webIp)}\\.80: Flags \\[S\\], seq \\d+, win 64240, options \\[mss 1460,sackOK,TS val \\d+ ecr 0,nop,wscale 7\\], length 0`,
    `${TS} IP ${esc(webIp)}\\.80 > ${c}: Flags \\[S\\.\\], seq \\d+, ack \\d+, win 65160, options \\[mss 1460,sackOK,TS val \\d+ ecr \\d+,nop,wscale 7\\], length 0`,
    `${TS} IP ${c} > ${esc(webIp)}\\.80: Flags \\[\\.\\], ack 1, win 502, options \\[nop,nop,TS val \\d+ ecr \\d+\\], length 0`,
  ];
  for (const re of bridged) assert.match(out.stdout, new RegExp(`^${re}$`, 'm'));
  const wire = out.stdout.split('\n').filter((l) => l.includes(`${h1}.8080`));
  assert.equal(wire.length, 10, out.stdout);
  assert.match(
    wire[3],
    /: Flags \[P\.\], seq 1:\d+, ack 1, win 502, options \[nop,nop,TS val \d+ ecr \d+\], length \d+: HTTP: GET \/ HTTP\/1\.1$/,
  );
  assert.match(wire[5], /: Flags \[P\.\], seq 1:\d+, ack \d+, win 509, .*: HTTP: HTTP\/1\.1 200 OK$/);
  assert.match(wire[9], /: Flags \[\.\], ack \d+, win 502/);
  assert.equal(
    out.stderr,
    `${SUMMARY(3)}${SUMMARY(10)}[1]-  Done                    tcpdump -i docker0 -n -c 3 tcp port 80\n[2]+  Done                    tcpdump -i eth0 -nn tcp\n`,
  );
});

test('errors, a foreground capture and Ctrl-C', () => {
  const { sim, run } = world();
  const bad = run('host1', 'tcpdump -i eth9');
  assert.deepEqual(
    [bad.stderr, bad.exitCode],
    ['tcpdump: eth9: No such device exists\n(No such device exists)\n', 1],
  );
  assert.equal(run('host1', 'ip link add dummy0 type dummy').exitCode, 0);
  assert.equal(run('host1', 'tcpdump -i dummy0').stderr, 'tcpdump: dummy0: That device is not up\n');
  const syntax = run('host1', 'tcpdump -n host and port');
  assert.deepEqual(
    [syntax.stderr, syntax.exitCode],
    ["tcpdump: can't parse filter expression: syntax error\n", 1],
  );
  assert.equal(run('host1', 'kill %1').stderr, 'bash: kill: %1: no such job\n');
  const fg = run('host1', 'tcpdump -n icmp');
  assert.equal(fg.stderr, BANNER('eth0'));
  assert.equal(sim.busy('host1'), true);
  assert.equal(sim.prompt('host1'), '');
  run('host2', 'ping -c 1 192.168.1.11');
  const ctrlC = sim.interrupt('host1');
  assert.match(
    ctrlC.stdout,
    new RegExp(
      `^${TS} IP 192\\.168\\.1\\.12 > 192\\.168\\.1\\.11: ICMP echo request, id \\d+, seq 1, length 64\n${TS} IP 192\\.168\\.1\\.11 > 192\\.168\\.1\\.12: ICMP echo reply, id \\d+, seq 1, length 64\n\n$`,
    ),
  );
  assert.equal(ctrlC.stderr, SUMMARY(2));
  assert.equal(sim.busy('host1'), false);
  assert.equal(sim.prompt('host1'), 'root@host1:~# ');
});

test("netshoot's idiom: docker run --network container:web nicolaka/netshoot tcpdump holds the terminal", () => {
  const { sim, run, ip } = world();
  assert.equal(run('host1', 'docker run -d --name web -p 8080:80 nginx').exitCode, 0);
  const h1 = ip('host1');
  const start = run(
    'host1',
    'docker run --rm --network container:web nicolaka/netshoot tcpdump -i eth0 -n -c 2 port 80',
  );
  assert.equal(start.stderr.endsWith(BANNER('eth0')), true);
  assert.equal(sim.busy('host1'), true);
  run('host2', `curl -s -o /dev/null http://${h1}:8080/`);
  assert.equal(sim.busy('host1'), false);
  const out = sim.takeOutput('host1');
  assert.deepEqual(
    out.map((c) => c.stream),
    ['stdout', 'stderr'],
  );
  assert.match(
    out[0].text,
    new RegExp(
      `^${TS} IP 192\\.168\\.1\\.12\\.\\d+ > 172\\.17\\.0\\.2\\.80: Flags \\[S\\], .*\n${TS} IP 172\\.17\\.0\\.2\\.80 > 192\\.168\\.1\\.12\\.\\d+: Flags \\[S\\.\\], .*\n$`,
    ),
  );
  assert.equal(out[1].text, SUMMARY(2));
  assert.equal(run('host1', 'docker run -d --rm nicolaka/netshoot tcpdump -n').exitCode, 0);
  assert.equal(sim.busy('host1'), false, 'a detached container has no terminal to hold');
});
