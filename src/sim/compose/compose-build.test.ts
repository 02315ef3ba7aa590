import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';

test('docker compose up builds a service, attaches and reports exited containers', () => {
  const sim = createWorld();
  sim.exec('docker pull alpine');
  sim.writeFile('/root/shop/api/Dockerfile', 'FROM alpine\nWORKDIR /app\nCOPY . .\nCMD ["sleep", "3600"]\n');
  sim.writeFile('/root/shop/api/main.py', 'print(1)\n');
  sim.writeFile(
    '/root/shop/compose.yaml',
    'version: "3.8"\nservices:\n  api:\n    build: ./api\n  once:\n    image: alpine\n    command: echo ready\n',
  );
  sim.exec('cd /root/shop');
  const r = sim.exec('docker compose up');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.match(
    r.stdout,
    /^Compose can now delegate builds to bake for better performance\.\n To do so, set COMPOSE_BAKE=true\.\n#0 building with "default" instance using docker driver\n\n#1 \[api internal\] load build definition from Dockerfile\n/,
  );
  assert.match(
    r.stdout,
    /#\d+ naming to docker\.io\/library\/shop-api:latest done\n#\d+ DONE 0\.1s\n\n#(\d+) \[api\] resolving provenance for metadata file\n#\1 DONE 0\.0s\nAttaching to api-1, once-1\nonce-1 {2}\| ready\n/,
  );
  assert.ok(r.stdout.endsWith('ready\n\r\u001b[Konce-1 exited with code 0\n'));
  assert.match(
    r.stderr,
    /^time="2026-01-05T09:00:0\dZ" level=warning msg="\/root\/shop\/compose\.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion"\n api {2}Built\n Network shop_default {2}Creating\n/,
  );
  assert.doesNotMatch(r.stderr, /Starting/);
  const ps = sim.exec('docker compose ps');
  assert.match(
    ps.stdout,
    /^NAME {9}IMAGE {6}COMMAND {8}SERVICE {3}CREATED {9}STATUS +PORTS\nshop-api-1 {3}shop-api {3}"sleep 3600" {3}api {7}\d seconds? ago {3}Up \d seconds? +\n$/,
  );
  assert.equal(
    sim.exec('docker inspect -f \'{{index .Config.Labels "com.docker.compose.image"}}\' shop-api-1').stdout,
    `${sim.exec('docker images -q --no-trunc shop-api').stdout}`,
  );
});
