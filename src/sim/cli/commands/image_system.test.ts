import assert from 'node:assert/strict';
import { test } from 'node:test';
import { err, FakeApi, NOW, ok } from '../testdata/fake_api.ts';
import { docker } from '../testdata/run.ts';
import { reformatDate } from './system_version.ts';

const IMG = 'sha256:1d34ffeaf190be23d3de5a8de0a436676b758f48f835c3a2d4768b798c15a7f1';

test('images: table with REPOSITORY TAG IMAGE ID CREATED SIZE', () => {
  const a = new FakeApi();
  a.on(
    'GET',
    '/images/json',
    ok([
      {
        Id: IMG,
        RepoTags: ['alpine:latest', 'alpine:3.21'],
        RepoDigests: ['alpine@sha256:a8560b36e8b8210634f77d9f7f9efd7ffa463e380b75e2e74aff4511df3ef88c'],
        Created: (NOW - 3 * 7 * 86400_000) / 1000,
        Size: 8_310_000,
        SharedSize: -1,
        Containers: -1,
      },
      {
        Id: 'sha256:' + 'e'.repeat(64),
        RepoTags: [],
        RepoDigests: [],
        Created: (NOW - 3600_000) / 1000,
        Size: 187_654_321,
      },
    ]),
  );
  assert.equal(
    docker(a, 'images').stdout,
    'REPOSITORY   TAG       IMAGE ID       CREATED             SIZE\n' +
      'alpine       latest    1d34ffeaf190   3 weeks ago         8.31MB\n' +
      'alpine       3.21      1d34ffeaf190   3 weeks ago         8.31MB\n' +
      '<none>       <none>    eeeeeeeeeeee   About an hour ago   188MB\n',
  );
});

test('images -q, --digests and a reference argument', () => {
  const a = new FakeApi();
  a.on(
    'GET',
    '/images/json',
    ok([
      {
        Id: IMG,
        RepoTags: ['alpine:latest'],
        RepoDigests: ['alpine@sha256:abc'],
        Created: NOW / 1000 - 10,
        Size: 1000,
      },
    ]),
  );
  assert.equal(docker(a, 'images -q').stdout, '1d34ffeaf190\n');
  assert.equal(
    docker(a, 'image ls --digests').stdout.split('\n')[1],
    'alpine       latest    sha256:abc   1d34ffeaf190   10 seconds ago   1kB',
  );
  docker(a, 'images alpine');
  assert.equal(a.requests.at(-1)?.query?.filters, '{"reference":{"alpine":true}}');
});

test('pull: default tag notice, progress on stdout, full reference at the end', () => {
  const a = new FakeApi();
  a.on('POST', '/images/create', {
    status: 200,
    stream: () => ({
      stdout:
        '{"status":"Pulling from library/nginx","id":"latest"}\n{"status":"Digest: sha256:0"}\n{"status":"Status: Image is up to date for nginx:latest"}\n',
      stderr: '',
    }),
  });
  const r = docker(a, 'pull nginx');
  assert.equal(
    r.stdout,
    'Using default tag: latest\nlatest: Pulling from library/nginx\nDigest: sha256:0\nStatus: Image is up to date for nginx:latest\ndocker.io/library/nginx:latest\n',
  );
  assert.deepEqual(a.requests[0].query, { fromImage: 'docker.io/library/nginx', tag: 'latest' });
});

test('pull: daemon and stream errors', () => {
  const a = new FakeApi();
  a.on(
    'POST',
    '/images/create',
    err(
      404,
      "pull access denied for nopeimg, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    ),
  );
  const r = docker(a, 'pull nopeimg:1.0');
  assert.equal(
    r.stderr,
    "Error response from daemon: pull access denied for nopeimg, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
  );
  const b = new FakeApi();
  b.on(
    'POST',
    '/images/create',
    ok([
      { status: 'Pulling from library/alpine', id: 'nope' },
      { errorDetail: { message: 'manifest unknown' }, error: 'manifest unknown' },
    ]),
  );
  const s = docker(b, 'pull alpine:nope');
  assert.deepEqual(
    [s.stdout, s.stderr, s.exitCode],
    ['nope: Pulling from library/alpine\n', 'manifest unknown\n', 1],
  );
});

test('rmi prints Untagged/Deleted; tag sends repo and tag', () => {
  const a = new FakeApi();
  a.on('DELETE', '/images/alpine', ok([{ Untagged: 'alpine:latest' }, { Deleted: IMG }]));
  assert.equal(docker(a, 'rmi alpine').stdout, `Untagged: alpine:latest\nDeleted: ${IMG}\n`);
  a.on('POST', '/images/alpine/tag', { status: 201 });
  assert.equal(docker(a, 'tag alpine myreg:5000/team/alp:v1').exitCode, 0);
  assert.deepEqual(a.requests.at(-1)?.query, { repo: 'myreg:5000/team/alp', tag: 'v1' });
});

test('version: client and server sections through the 20-wide tabwriter', () => {
  const a = new FakeApi();
  a.on(
    'GET',
    '/version',
    ok({
      Platform: { Name: 'Docker Engine - Community' },
      Components: [
        {
          Name: 'Engine',
          Version: '28.2.2',
          Details: {
            ApiVersion: '1.50',
            Arch: 'amd64',
            BuildTime: '2025-05-30T12:07:27.000000000+00:00',
            Experimental: 'false',
            GitCommit: '45873be',
            GoVersion: 'go1.24.3',
            MinAPIVersion: '1.24',
            Os: 'linux',
          },
        },
        { Name: 'runc', Version: '1.2.5', Details: { GitCommit: 'v1.2.5-0-g59923ef' } },
      ],
    }),
  );
  assert.equal(
    docker(a, 'version').stdout,
    'Client: Docker Engine - Community\n Version:           28.2.2\n API version:       1.50\n Go version:        go1.24.3\n Git commit:        e6534b4\n Built:             Fri May 30 12:07:27 2025\n OS/Arch:           linux/amd64\n Context:           default\n\n' +
      'Server: Docker Engine - Community\n Engine:\n  Version:          28.2.2\n  API version:      1.50 (minimum version 1.24)\n  Go version:       go1.24.3\n  Git commit:       45873be\n  Built:            Fri May 30 12:07:27 2025\n  OS/Arch:          linux/amd64\n  Experimental:     false\n runc:\n  Version:          1.2.5\n  GitCommit:        v1.2.5-0-g59923ef\n',
  );
  assert.equal(
    docker(a, ['version', '--format', '{{.Server.Version}}|{{.Server.APIVersion}}|{{.Client.APIVersion}}'])
      .stdout,
    '<no value>|<no value>|1.50\n',
  );
  assert.equal(reformatDate('2025-05-30T12:07:27.000000000+00:00'), 'Fri May 30 12:07:27 2025');
});

test('info: client section and server lines', () => {
  const a = new FakeApi();
  a.on(
    'GET',
    '/info',
    ok({
      Containers: 2,
      ContainersRunning: 1,
      ContainersPaused: 0,
      ContainersStopped: 1,
      Images: 3,
      ServerVersion: '28.2.2',
      Driver: 'overlay2',
      DriverStatus: [['Backing Filesystem', 'extfs']],
      LoggingDriver: 'json-file',
      CgroupDriver: 'systemd',
      CgroupVersion: '2',
      Plugins: {
        Volume: ['local'],
        Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
        Authorization: null,
        Log: ['json-file', 'local'],
      },
      Swarm: { LocalNodeState: 'inactive' },
      Runtimes: { 'io.containerd.runc.v2': {}, runc: {} },
      DefaultRuntime: 'runc',
      OSType: 'linux',
      InitBinary: 'docker-init',
      ContainerdCommit: { ID: '05044ec' },
      RuncCommit: { ID: 'v1.2.5-0-g59923ef' },
      InitCommit: { ID: 'de40ad0' },
      SecurityOptions: ['name=seccomp,profile=builtin', 'name=cgroupns'],
      KernelVersion: '6.8.0',
      OperatingSystem: 'Ubuntu 24.04 LTS',
      Architecture: 'x86_64',
      NCPU: 2,
      MemTotal: 16_761_491_456,
      Name: 'host1',
      ID: 'abc',
      DockerRootDir: '/var/lib/docker',
      Debug: false,
      ExperimentalBuild: false,
      LiveRestoreEnabled: false,
      RegistryConfig: {
        // registry.NetIPNet marshals as its CIDR string.
        InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
        IndexConfigs: { 'docker.io': { Name: 'docker.io', Secure: true } },
        Mirrors: [],
      },
      Warnings: null,
    }),
  );
  const r = docker(a, 'info');
  const lines = r.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 11), [
    'Client: Docker Engine - Community',
    ' Version:    28.2.2',
    ' Context:    default',
    ' Debug Mode: false',
    '',
    'Server:',
    ' Containers: 2',
    '  Running: 1',
    '  Paused: 0',
    '  Stopped: 1',
    ' Images: 3',
  ]);
  assert.ok(r.stdout.includes(' Security Options:\n  seccomp\n   Profile: builtin\n  cgroupns\n'));
  assert.ok(r.stdout.includes(' Total Memory: 15.61GiB\n'));
  assert.ok(
    r.stdout.includes(' Insecure Registries:\n  ::1/128\n  127.0.0.0/8\n Live Restore Enabled: false\n\n'),
  );
  assert.equal(docker(a, ['info', '-f', '{{.Swarm.LocalNodeState}} {{.NCPU}}']).stdout, 'inactive 2\n');
});
