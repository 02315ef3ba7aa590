// Regression tests for differences the differential suite (tests/differential) found between our
// CLI and the real docker client 28.2.2 on the same world; expected outputs are the real client's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';
import { goJSON, MarshaledJSON } from './template/index.ts';

const pick = (r: { stdout: string; stderr: string; exitCode: number }) => ({
  stdout: r.stdout,
  stderr: r.stderr,
  exitCode: r.exitCode,
});

test('formatter contexts are json.Marshal-ed: <, > and & escaped in --format json and {{json .}}', () => {
  assert.equal(goJSON(new MarshaledJSON({ A: '<a & b>' })), '{"A":"\\u003ca \\u0026 b\\u003e"}');
  assert.equal(
    goJSON({ raw: '<a>', ctx: new MarshaledJSON({ B: '>' }) }),
    '{"raw":"<a>","ctx":{"B":"\\u003e"}}',
  );
  const sim = createWorld();
  sim.exec('docker run -d --name web nginx');
  const ps = sim.exec("docker ps --format '{{json .Labels}} {{.Labels}}'");
  assert.equal(
    ps.stdout,
    '"maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>" maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>\n',
  );
  const json = sim.exec('docker ps --format json').stdout;
  assert.match(json, /"Labels":"maintainer=NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e"/);
});

test('network inspect -f reads an absent IPAM Gateway as "" (typed network.IPAMConfig), raw fallback otherwise', () => {
  const sim = createWorld();
  sim.exec('docker network create --subnet 10.5.0.0/24 appnet');
  const r = sim.exec(
    "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} [{{.Gateway}}] {{.AuxAddress}}{{end}}' appnet",
  );
  assert.deepEqual(pick(r), { stdout: '10.5.0.0/24 [] map[]\n', stderr: '', exitCode: 0 });
  const j = sim.exec("docker network inspect -f '{{json .IPAM.Config}}' appnet");
  assert.equal(j.stdout, '[{"Subnet":"10.5.0.0/24"}]\n');
  const missing = sim.exec(
    "docker network inspect -f '{{range .IPAM.Config}}{{.AuxiliaryAddresses}}{{end}}' appnet",
  );
  assert.deepEqual(pick(missing), {
    stdout: '\n',
    stderr:
      'template parsing error: template: :1:24: executing "" at <.AuxiliaryAddresses>: map has no entry for key "AuxiliaryAddresses"\n',
    exitCode: 1,
  });
});
