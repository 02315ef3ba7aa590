import assert from 'node:assert/strict';
import { test } from 'node:test';
import { err, FakeApi, NOW, ok } from '../testdata/fake_api.ts';
import { docker } from '../testdata/run.ts';
import { displayablePorts } from './container_list.ts';

/** Body is the create request body as the tests read it. */
type Body = Record<string, unknown> & {
  HostConfig: Record<string, unknown>;
  NetworkingConfig: Record<string, unknown>;
};

const ID = '3f2a1b4c5d6e' + 'f'.repeat(52);

const PULL = [
  { status: 'Pulling from library/alpine', id: 'latest' },
  { status: 'Pulling fs layer', progressDetail: {}, id: 'f18232174bc9' },
  {
    status: 'Downloading',
    progressDetail: { current: 3, total: 9 },
    progress: '[==>  ]',
    id: 'f18232174bc9',
  },
  { status: 'Verifying Checksum', progressDetail: {}, id: 'f18232174bc9' },
  { status: 'Download complete', progressDetail: {}, id: 'f18232174bc9' },
  { status: 'Extracting', progressDetail: { current: 1, total: 9 }, id: 'f18232174bc9' },
  { status: 'Pull complete', progressDetail: {}, id: 'f18232174bc9' },
  { status: 'Digest: sha256:a8560b36e8b8210634f77d9f7f9efd7ffa463e380b75e2e74aff4511df3ef88c' },
  { status: 'Status: Downloaded newer image for alpine:latest' },
];
const PULL_TEXT =
  'latest: Pulling from library/alpine\nf18232174bc9: Pulling fs layer\nf18232174bc9: Verifying Checksum\nf18232174bc9: Download complete\nf18232174bc9: Pull complete\n' +
  'Digest: sha256:a8560b36e8b8210634f77d9f7f9efd7ffa463e380b75e2e74aff4511df3ef88c\nStatus: Downloaded newer image for alpine:latest\n';

function runApi(
  opts: { missingImage?: boolean; exit?: number; out?: string; path?: string; args?: string[] } = {},
): FakeApi {
  const a = new FakeApi();
  let first = true;
  a.on('POST', '/containers/create', () => {
    if (opts.missingImage && first) {
      first = false;
      return err(404, 'No such image: alpine:latest');
    }
    return { status: 201, json: { Id: ID, Warnings: [] } };
  });
  a.on('POST', '/images/create', ok(PULL));
  a.on('POST', /\/containers\/\w+\/attach/, {
    status: 200,
    stream: () => ({ stdout: opts.out ?? '', stderr: 'warn\n' }),
  });
  a.on('POST', /\/containers\/\w+\/start/, { status: 204 });
  a.on('POST', /\/containers\/\w+\/wait/, ok({ StatusCode: opts.exit ?? 0, Error: null }));
  a.on(
    'GET',
    /\/containers\/\w+\/json/,
    ok({
      Id: ID,
      Path: opts.path ?? '/bin/sh',
      Args: opts.args ?? [],
      Config: { Tty: true, OpenStdin: true },
    }),
  );
  return a;
}

test('run -d prints the full ID; body has Config, HostConfig and NetworkingConfig', () => {
  const a = runApi();
  const r = docker(
    a,
    'run -d --name web --network my-net --network-alias www -p 8080:80 -p 127.0.0.1:8443:443/tcp -e A=1 --restart unless-stopped nginx',
  );
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], [`${ID}\n`, '', 0]);
  assert.deepEqual(a.paths(), ['POST /containers/create', `POST /containers/${ID}/start`]);
  const body = a.requests[0].body as Body;
  assert.equal(a.requests[0].query?.name, 'web');
  assert.equal(body.Image, 'nginx');
  assert.deepEqual(body.Env, ['A=1']);
  assert.deepEqual(body.ExposedPorts, { '80/tcp': {}, '443/tcp': {} });
  assert.equal(body.AttachStdout, false);
  assert.deepEqual(body.HostConfig.PortBindings, {
    '80/tcp': [{ HostIp: '', HostPort: '8080' }],
    '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '8443' }],
  });
  assert.equal(body.HostConfig.NetworkMode, 'my-net');
  assert.deepEqual(body.HostConfig.RestartPolicy, { Name: 'unless-stopped', MaximumRetryCount: 0 });
  assert.deepEqual(body.NetworkingConfig, { EndpointsConfig: { 'my-net': { Aliases: ['www'] } } });
});

test('run with a missing image pulls with non-TTY progress on stderr, then runs in the foreground', () => {
  const a = runApi({ missingImage: true, out: 'hello\n' });
  const r = docker(a, 'run alpine echo hello');
  assert.equal(r.stdout, 'hello\n');
  assert.equal(r.stderr, `Unable to find image 'alpine:latest' locally\n${PULL_TEXT}warn\n`);
  assert.equal(r.exitCode, 0);
  assert.deepEqual(a.requests[1].query, { fromImage: 'docker.io/library/alpine', tag: 'latest' });
  assert.deepEqual(a.paths().slice(2), [
    'POST /containers/create',
    `POST /containers/${ID}/attach`,
    `POST /containers/${ID}/wait`,
    `POST /containers/${ID}/start`,
  ]);
});

test("foreground run: exit code is the container's", () => {
  const r = docker(runApi({ exit: 2, out: 'x\n' }), 'run alpine sh -c false');
  assert.deepEqual([r.stdout, r.exitCode], ['x\n', 2]);
});

test('run -it with a shell enters the container', () => {
  const r = docker(runApi({ path: 'ash' }), 'run -it --name a1 alpine ash');
  assert.deepEqual(r.effect, { enter: { containerId: ID } });
  assert.equal(r.exitCode, 0);
});

test('run stops parsing flags at the image (SetInterspersed(false))', () => {
  const a = runApi({ path: 'ping', args: ['-c', '1', 'x'] });
  docker(a, 'run --rm alpine ping -c 1 x');
  const body = a.requests[0].body as Body;
  assert.deepEqual(body.Cmd, ['ping', '-c', '1', 'x']);
  assert.equal(body.HostConfig.AutoRemove, true);
  assert.equal(a.requests.find((q) => q.path.endsWith('/wait'))?.query?.condition, 'removed');
});

test('run: daemon error at start is "docker: ..." + help hint, exit 125', () => {
  const a = runApi();
  a.on(
    'POST',
    /\/containers\/\w+\/start/,
    err(500, 'failed to set up container networking: network nope not found'),
  );
  const b = new FakeApi();
  b.on('POST', '/containers/create', { status: 201, json: { Id: ID } });
  b.on('POST', /\/start$/, err(500, 'failed to set up container networking: network nope not found'));
  const r = docker(b, 'run -d --network nope alpine');
  assert.equal(r.stdout, `${ID}\n`);
  assert.equal(
    r.stderr,
    "docker: Error response from daemon: failed to set up container networking: network nope not found\n\nRun 'docker run --help' for more information\n",
  );
  assert.equal(r.exitCode, 125);
});

test('run: exec failures map to 127', () => {
  const b = new FakeApi();
  b.on('POST', '/containers/create', { status: 201, json: { Id: ID } });
  b.on('POST', /\/attach$/, { status: 200, stream: () => ({ stdout: '', stderr: '' }) });
  b.on('POST', /\/wait$/, { status: 200, json: { StatusCode: 0 } });
  b.on(
    'POST',
    /\/start$/,
    err(
      400,
      'failed to create task for container: exec: "nope": executable file not found in $PATH: unknown',
    ),
  );
  assert.equal(docker(b, 'run alpine nope').exitCode, 127);
});

test('run: usage errors are exit 125 with the help hint', () => {
  const a = new FakeApi();
  assert.equal(
    docker(a, 'run -p 8080:80:90:x alpine').stderr,
    "docker: invalid IP address: 8080:80\n\nRun 'docker run --help' for more information\n",
  );
  assert.equal(
    docker(a, 'run --rm --restart always alpine').stderr,
    "docker: conflicting options: cannot specify both --restart and --rm\n\nRun 'docker run --help' for more information\n",
  );
  assert.equal(docker(a, 'run --pull sometimes alpine').exitCode, 125);
  assert.equal(
    docker(a, 'run --network-alias x alpine').stderr,
    "docker: network-scoped aliases are only supported for user-defined networks\n\nRun 'docker run --help' for more information\n",
  );
  const none = docker(a, 'run');
  assert.equal(
    none.stderr,
    "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
  );
  assert.equal(none.exitCode, 1);
  assert.equal(a.requests.length, 0);
});

test('run: multiple --network, --ip, port ranges, -P, --expose', () => {
  const a = runApi();
  docker(
    a,
    'run -d --network n1 --network n2 --ip 172.20.0.5 -p 8000-8001:80-81/udp -P --expose 9000-9001 alpine',
  );
  const body = a.requests[0].body as Body;
  assert.deepEqual(body.NetworkingConfig.EndpointsConfig, {
    n1: { IPAMConfig: { IPv4Address: '172.20.0.5', IPv6Address: '', LinkLocalIPs: undefined } },
    n2: {},
  });
  assert.deepEqual(body.HostConfig.PortBindings, {
    '80/udp': [{ HostIp: '', HostPort: '8000' }],
    '81/udp': [{ HostIp: '', HostPort: '8001' }],
  });
  assert.deepEqual(Object.keys(body.ExposedPorts), ['80/udp', '81/udp', '9000/tcp', '9001/tcp']);
  assert.equal(body.HostConfig.PublishAllPorts, true);
});

test('create prints the ID; start/stop/restart/kill print names as typed', () => {
  const a = runApi();
  a.on('POST', /\/containers\/(web|db)\/(start|stop|restart|kill)$/, { status: 204 });
  a.on('POST', /\/containers\/nope\/\w+$/, err(404, 'No such container: nope'));
  assert.equal(docker(a, 'create alpine').stdout, `${ID}\n`);
  assert.equal(docker(a, 'stop web db').stdout, 'web\ndb\n');
  const s = docker(a, 'stop -t 3 web nope');
  assert.deepEqual(
    [s.stdout, s.stderr, s.exitCode],
    ['web\n', 'Error response from daemon: No such container: nope\n', 1],
  );
  assert.equal(a.requests.at(-2)?.query?.t, '3');
  const st = docker(a, 'start web nope');
  assert.deepEqual(
    [st.stdout, st.stderr],
    [
      'web\n',
      'Error response from daemon: No such container: nope\nError: failed to start containers: nope\n',
    ],
  );
  assert.equal(docker(a, 'kill -s HUP web').stdout, 'web\n');
  assert.equal(a.requests.at(-1)?.query?.signal, 'HUP');
});

test('rm: -f ignores missing (printed on stderr, exit 0); errors otherwise', () => {
  const a = new FakeApi();
  a.on('DELETE', '/containers/web', { status: 204 });
  a.on('DELETE', '/containers/nope', err(404, 'No such container: nope'));
  a.on(
    'DELETE',
    '/containers/busy',
    err(
      409,
      'cannot remove container "busy": container is running: stop the container before removing or force remove',
    ),
  );
  assert.deepEqual(Object.values(docker(a, 'rm -f web nope')).slice(0, 3), [
    'web\n',
    'Error response from daemon: No such container: nope\n',
    0,
  ]);
  const r = docker(a, 'rm busy web');
  assert.equal(
    r.stderr,
    'Error response from daemon: cannot remove container "busy": container is running: stop the container before removing or force remove\n',
  );
  assert.deepEqual([r.stdout, r.exitCode], ['web\n', 1]);
});

test('exec: create, start stream, exit code from /exec/{id}/json', () => {
  const a = new FakeApi();
  a.on('GET', '/containers/web/json', ok({ Id: ID }));
  a.on('POST', '/containers/web/exec', { status: 201, json: { Id: 'e1' } });
  a.on('POST', '/exec/e1/start', { status: 200, stream: () => ({ stdout: 'PING\n', stderr: 'oops\n' }) });
  a.on('GET', '/exec/e1/json', ok({ ExitCode: 1, Running: false }));
  const r = docker(a, 'exec web ping -c 1 x');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['PING\n', 'oops\n', 1]);
  assert.deepEqual((a.requests[1].body as Record<string, unknown>).Cmd, ['ping', '-c', '1', 'x']);
  const it = docker(a, 'exec -it web sh');
  assert.deepEqual(it.effect, { enter: { containerId: ID, execId: 'e1' } });
});

test('exec: not running / missing container errors', () => {
  const a = new FakeApi();
  a.on('GET', '/containers/web/json', ok({ Id: ID }));
  a.on('POST', '/containers/web/exec', err(409, `container ${ID} is not running`));
  const r = docker(a, 'exec web ls');
  assert.deepEqual(
    [r.stderr, r.exitCode],
    [`Error response from daemon: container ${ID} is not running\n`, 1],
  );
  const m = docker(new FakeApi(), 'exec web');
  assert.equal(m.stderr.split('\n')[0], "docker: 'docker exec' requires at least 2 arguments");
});

test('logs: stdout and stderr streams, query', () => {
  const a = new FakeApi();
  a.on('GET', '/containers/web/json', ok({ Id: ID, Config: { Tty: false } }));
  a.on('GET', `/containers/${ID}/logs`, { status: 200, stream: () => ({ stdout: 'a\n', stderr: 'b\n' }) });
  const r = docker(a, 'logs --tail 5 -t web');
  assert.deepEqual([r.stdout, r.stderr], ['a\n', 'b\n']);
  assert.deepEqual(a.requests[1].query, { stdout: '1', stderr: '1', tail: '5', timestamps: '1' });
});

test('port: all mappings natural-sorted, one port, missing port', () => {
  const a = new FakeApi();
  a.on(
    'GET',
    '/containers/web/json',
    ok({
      Id: ID,
      NetworkSettings: {
        Ports: {
          '80/tcp': [
            { HostIp: '0.0.0.0', HostPort: '8080' },
            { HostIp: '::', HostPort: '8080' },
          ],
          '443/tcp': null,
          '53/udp': [{ HostIp: '0.0.0.0', HostPort: '5353' }],
        },
      },
    }),
  );
  assert.equal(
    docker(a, 'port web').stdout,
    '53/udp -> 0.0.0.0:5353\n80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n',
  );
  assert.equal(docker(a, 'port web 80').stdout, '0.0.0.0:8080\n[::]:8080\n');
  const m = docker(a, 'port web 443');
  assert.deepEqual(
    [m.stderr, m.exitCode],
    ["Error: No public port '443/tcp' published for web\n".replace("'443/tcp'", "'443'"), 1],
  );
  assert.equal(
    docker(a, 'port web abc').stderr,
    'Error: invalid port (abc): strconv.ParseUint: parsing "abc": invalid syntax\n',
  );
});

test('rename errors are double-reported like docker', () => {
  const a = new FakeApi();
  a.on('POST', '/containers/web/rename', err(409, 'Conflict. The container name "/db" is already in use'));
  const r = docker(a, 'rename web db');
  assert.equal(
    r.stderr,
    'Error response from daemon: Conflict. The container name "/db" is already in use\nError: failed to rename container named web\n',
  );
});

test('DisplayablePorts groups ranges, brackets IPv6, lists differing mappings last', () => {
  assert.equal(
    displayablePorts([
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    ]),
    '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
  );
  assert.equal(
    displayablePorts([
      { PrivatePort: 8000, Type: 'tcp' },
      { PrivatePort: 8001, Type: 'tcp' },
      { PrivatePort: 8002, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 9000, PublicPort: 9000, Type: 'udp' },
      { IP: '0.0.0.0', PrivatePort: 9001, PublicPort: 9001, Type: 'udp' },
    ]),
    '8000-8002/tcp, 0.0.0.0:9000-9001->9000-9001/udp',
  );
});

const SUMMARY = {
  Id: ID,
  Names: ['/web'],
  Image: 'nginx',
  ImageID: 'sha256:' + 'b'.repeat(64),
  Command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
  Created: (NOW - 150_000) / 1000,
  Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }],
  Labels: { 'com.example': 'x' },
  State: 'running',
  Status: 'Up 2 minutes',
  NetworkSettings: { Networks: { bridge: {} } },
};

test('ps: default table with COMMAND ellipsis and CREATED', () => {
  const a = new FakeApi();
  a.on('GET', '/containers/json', ok([SUMMARY]));
  assert.equal(
    docker(a, 'ps').stdout,
    'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                  NAMES\n' +
      '3f2a1b4c5d6e   nginx     "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes   0.0.0.0:8080->80/tcp   web\n',
  );
  const empty = new FakeApi();
  empty.on('GET', '/containers/json', ok([]));
  assert.equal(
    docker(empty, 'ps').stdout,
    'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
  );
});

test('ps: query (-a, -n, -l, -s, filters) and -q', () => {
  const a = new FakeApi();
  a.on('GET', '/containers/json', ok([SUMMARY]));
  assert.equal(docker(a, 'ps -aq').stdout, '3f2a1b4c5d6e\n');
  assert.deepEqual(a.requests[0].query, { all: '1' });
  docker(a, 'container ls -l -s --filter status=exited --filter network=n1');
  assert.deepEqual(a.requests[1].query, {
    limit: '1',
    size: '1',
    filters: '{"network":{"n1":true},"status":{"exited":true}}',
  });
  docker(a, ['ps', '--format', '{{.Size}}']);
  assert.equal(a.requests[2].query?.size, '1');
});

test('ps --format fields and errors', () => {
  const a = new FakeApi();
  a.on('GET', '/containers/json', ok([SUMMARY]));
  assert.equal(
    docker(a, [
      'ps',
      '--format',
      '{{.Names}} {{.Label "com.example"}} {{.Networks}} {{.State}} {{.CreatedAt}}',
    ]).stdout,
    'web x bridge running 2026-01-05 08:57:30 +0000 UTC\n',
  );
  assert.equal(
    docker(a, ['ps', '--no-trunc', '--format', '{{.Command}}']).stdout,
    '"/docker-entrypoint.sh nginx -g \'daemon off;\'"\n',
  );
  assert.equal(
    docker(a, ['ps', '--format', '{{.Nope}}']).stderr,
    'failed to execute template: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext\n',
  );
  assert.equal(
    docker(a, ['ps', '--format', '{{nope}}']).stderr,
    'failed to parse template: template: :1: function "nope" not defined\n',
  );
  const w = docker(a, ['ps', '-q', '--format', '{{.Names}}']);
  assert.deepEqual(
    [w.stdout, w.stderr],
    ['3f2a1b4c5d6e\n', 'WARNING: Ignoring custom format, because both --format and --quiet are set.\n'],
  );
});

test('container inspect and generic inspect fallbacks', () => {
  const a = new FakeApi();
  a.on(
    'GET',
    '/containers/web/json',
    ok({ Id: ID, Name: '/web', NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' } } } }),
  );
  a.on('GET', /^\/(containers|images|networks|volumes|plugins)\/nope(\/json)?$/, err(404, 'not found'));
  a.on('GET', '/info', ok({ Swarm: { ControlAvailable: false } }));
  assert.equal(
    docker(a, [
      'container',
      'inspect',
      '-f',
      '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}',
      'web',
    ]).stdout,
    '172.17.0.2\n',
  );
  assert.equal(docker(a, ['inspect', '--format', '{{.Name}}', 'web']).stdout, '/web\n');
  const n = docker(a, 'inspect nope');
  assert.deepEqual([n.stdout, n.stderr, n.exitCode], ['[]\n', 'Error: No such object: nope\n', 1]);
  assert.equal(
    docker(a, 'inspect --type bogus x').stderr,
    'unknown type: "bogus": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n',
  );
});
