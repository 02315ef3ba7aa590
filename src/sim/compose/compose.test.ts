import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';

const FILE =
  'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n    networks: [front, back]\n    depends_on: [db]\n  db:\n    image: alpine\n    command: sleep 3600\n    networks:\n      back:\n        aliases: [database]\nnetworks:\n  front: {}\n  back:\n    internal: true\n';

test('docker compose config prints the normalised project', () => {
  const sim = createWorld();
  sim.writeFile('/root/app/compose.yaml', FILE);
  sim.exec('cd /root/app');
  const r = sim.exec('docker compose config');
  assert.equal(r.exitCode, 0);
  assert.equal(
    r.stdout,
    'name: app\nservices:\n  db:\n    command:\n      - sleep\n      - "3600"\n    image: alpine\n    networks:\n      back:\n        aliases:\n          - database\n  web:\n    depends_on:\n      db:\n        condition: service_started\n        required: true\n    image: nginx\n    networks:\n      back: null\n      front: null\n    ports:\n      - mode: ingress\n        target: 80\n        published: "8080"\n        protocol: tcp\nnetworks:\n  back:\n    name: app_back\n    internal: true\n  front:\n    name: app_front\n',
  );
});

test('docker compose up -d / down print compose v2 plain progress in dependency order', () => {
  const sim = createWorld();
  sim.exec('docker pull nginx');
  sim.exec('docker pull alpine');
  sim.writeFile('/root/app/compose.yaml', FILE);
  sim.exec('cd /root/app');
  const up = sim.exec('docker compose up -d');
  assert.equal(up.exitCode, 0, up.stderr);
  assert.equal(
    up.stderr,
    [
      ' Network app_back  Creating',
      ' Network app_back  Created',
      ' Network app_front  Creating',
      ' Network app_front  Created',
      ' Container app-db-1  Creating',
      ' Container app-db-1  Created',
      ' Container app-web-1  Creating',
      ' Container app-web-1  Created',
      ' Container app-db-1  Starting',
      ' Container app-db-1  Started',
      ' Container app-web-1  Starting',
      ' Container app-web-1  Started',
      '',
    ].join('\n'),
  );
  const inspect = sim.exec(
    'docker inspect -f \'{{json .NetworkSettings.Networks.app_back.Aliases}} {{index .Config.Labels "com.docker.compose.project"}}\' app-db-1',
  );
  assert.equal(inspect.stdout, '["app-db-1","db","database"] app\n');
  assert.equal(sim.exec('docker network inspect -f {{.Internal}} app_back').stdout, 'true\n');
  const again = sim.exec('docker compose up -d');
  assert.equal(again.stderr, ' Container app-db-1  Running\n Container app-web-1  Running\n');
  const down = sim.exec('docker compose down');
  assert.match(
    down.stderr,
    /^ Container app-web-1 {2}Stopping\n Container app-web-1 {2}Stopped\n Container app-web-1 {2}Removing\n Container app-web-1 {2}Removed\n Container app-db-1 {2}Stopping/,
  );
  assert.match(down.stderr, / Network app_front {2}Removed\n$/);
});

test('docker compose errors as compose prints them', () => {
  const sim = createWorld();
  const none = sim.exec('docker compose up -d');
  assert.deepEqual(
    [none.stdout, none.stderr, none.exitCode],
    ['', 'no configuration file provided: not found\n', 1],
  );
  sim.writeFile('/root/compose.yaml', 'services:\n  web: image: nginx\n');
  assert.equal(
    sim.exec('docker compose config').stderr,
    'yaml: line 2: mapping values are not allowed in this context\n',
  );
  sim.writeFile('/root/compose.yaml', 'services:\n  web:\n    image: nginx\n');
  assert.equal(sim.exec('docker compose logs nope').stderr, 'no such service: nope\n');
});

test('compose validates keys like the schema and warns about several default files', () => {
  const sim = createWorld();
  sim.writeFile('/root/app/compose.yaml', 'services:\n  web:\n    imag: nginx\n');
  sim.exec('cd /root/app');
  assert.equal(
    sim.exec('docker compose config').stderr,
    "validating /root/app/compose.yaml: services.web additional properties 'imag' not allowed\n",
  );
  sim.writeFile('/root/app/compose.yaml', 'services:\n  web:\n    image: nginx\n    expose: ["3000"]\n');
  sim.writeFile('/root/app/docker-compose.yml', 'services: {}\n');
  const r = sim.exec('docker compose config');
  assert.equal(
    r.stdout,
    'name: app\nservices:\n  web:\n    expose:\n      - "3000"\n    image: nginx\n    networks:\n      default: null\nnetworks:\n  default:\n    name: app_default\n',
  );
  assert.match(
    r.stderr,
    /^time="[^"]+" level=warning msg="Found multiple config files with supported names: \/root\/app\/compose\.yaml, \/root\/app\/docker-compose\.yml"\ntime="[^"]+" level=warning msg="Using \/root\/app\/compose\.yaml"\n$/,
  );
});

test('networks no service uses are left out of config and up (WithoutUnnecessaryResources)', () => {
  const sim = createWorld();
  sim.exec('docker pull alpine');
  sim.writeFile(
    '/root/app/compose.yaml',
    'services:\n  a:\n    image: alpine\n    command: sleep 3600\nnetworks:\n  spare: {}\n',
  );
  sim.exec('cd /root/app');
  assert.equal(
    sim.exec('docker compose config').stdout,
    'name: app\nservices:\n  a:\n    command:\n      - sleep\n      - "3600"\n    image: alpine\n    networks:\n      default: null\nnetworks:\n  default:\n    name: app_default\n',
  );
  const up = sim.exec('docker compose up -d');
  assert.equal(
    up.stderr,
    ' Network app_default  Creating\n Network app_default  Created\n Container app-a-1  Creating\n Container app-a-1  Created\n Container app-a-1  Starting\n Container app-a-1  Started\n',
  );
});
