// Tests for scheduler.ts: tasks no node can take stay Pending with swarmkit's explanation, the
// progress display and `service ls` show it, and a node that becomes suitable takes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';

function swarm2() {
  const sim = createWorld({ seed: 3, hosts: ['host1', 'host2', 'host3'] });
  const out = sim.exec('docker swarm init', { host: 'host1' }).stdout;
  const join = /docker swarm join --token \S+ \S+/.exec(out)?.[0] ?? '';
  sim.exec(join, { host: 'host2' });
  const run = (cmd: string, host = 'host1') => sim.exec(cmd, { host });
  return { sim, run, join };
}
const TASKS = '"{{.Name}}|{{.Node}}|{{.DesiredState}}|{{.CurrentState}}|{{.Error}}"';

test('a constraint no node satisfies leaves the task Pending until host3 joins', () => {
  const { run, join } = swarm2();
  const create = run('docker service create --name web --constraint node.hostname==host3 nginx');
  assert.equal(
    create.stdout,
    `${/^\w{25}$/m.exec(create.stdout)?.[0]}\noverall progress: 0 out of 1 tasks\n1/1:  \n1/1: no suitable node (scheduling constraints not satisfied on 2 nodes)\noverall progress: 0 out of 1 tasks\n`,
  );
  assert.equal(
    run(`docker service ps --no-trunc --format ${TASKS} web`).stdout,
    'web.1||Running|Pending 1 second ago|"no suitable node (scheduling constraints not satisfied on 2 nodes)"\n',
  );
  assert.equal(
    run('docker service ps web').stdout,
    'ID             NAME      IMAGE          NODE      DESIRED STATE   CURRENT STATE           ERROR                              PORTS\n' +
      '6xapt55or5op   web.1     nginx:latest             Running         Pending 2 seconds ago   "no suitable node (scheduling …"   \n',
  );
  assert.equal(run('docker service ls --format "{{.Name}} {{.Replicas}}"').stdout, 'web 0/1\n');
  const id = run('docker service ps -q web').stdout;
  run(join, 'host3');
  assert.equal(run('docker service ps -q web').stdout, id, 'the Pending task itself is scheduled');
  assert.equal(
    run(`docker service ps --format ${TASKS} web`).stdout,
    'web.1|host3|Running|Running 2 seconds ago|\n',
  );
  assert.equal(run('docker service ls --format "{{.Name}} {{.Replicas}}"').stdout, 'web 1/1\n');
  assert.equal(run('docker ps --format "{{.Names}}" -n 1', 'host3').stdout.startsWith('web.1.'), true);
});

test('a drained node counts as not available; making it active schedules the tasks', () => {
  const { run } = swarm2();
  run('docker node update --availability drain host2');
  run('docker service create -d --name w --replicas 2 --constraint node.role==worker nginx');
  assert.equal(
    run(`docker service ps --no-trunc --format ${TASKS} w`).stdout,
    'w.1||Running|Pending 1 second ago|"no suitable node (1 node not available for new tasks; scheduling constraints not satisfied on 1 node)"\n' +
      'w.2||Running|Pending 1 second ago|"no suitable node (1 node not available for new tasks; scheduling constraints not satisfied on 1 node)"\n',
  );
  run('docker node update --availability active host2');
  assert.equal(
    run(`docker service ps --format ${TASKS} w`).stdout,
    'w.1|host2|Running|Running 1 second ago|\nw.2|host2|Running|Running 1 second ago|\n',
  );
});

test('a node going down leaves its tasks Pending when no other node may take them', () => {
  const { sim, run } = swarm2();
  run('docker service create -d --name w --constraint node.role==worker nginx');
  sim.setHostUp('host2', false);
  assert.equal(
    run(`docker service ps --no-trunc --format "{{.Name}}|{{.Node}}|{{.DesiredState}}|{{.Error}}" w`).stdout,
    'w.1||Running|"no suitable node (1 node not available for new tasks; scheduling constraints not satisfied on 1 node)"\n' +
      'w.1|host2|Shutdown|\n',
  );
  assert.equal(run('docker service ls --format "{{.Name}} {{.Replicas}}"').stdout, 'w 0/1\n');
  sim.setHostUp('host2', true);
  assert.equal(
    run('docker service ps --format "{{.Name}}|{{.Node}}|{{.DesiredState}}|{{.CurrentState}}" w').stdout,
    'w.1|host2|Running|Running less than a second ago\nw.1|host2|Shutdown|Shutdown less than a second ago\n',
  );
});

test('scaling down removes Pending tasks; the task JSON has no node and no container status', () => {
  const { run } = swarm2();
  run('docker service create -d --name p --replicas 2 --constraint node.hostname==nowhere nginx');
  const tasks = JSON.parse(
    run('curl -s --unix-socket /var/run/docker.sock http://localhost/v1.50/tasks').stdout,
  );
  assert.equal(tasks.length, 2);
  assert.equal('NodeID' in tasks[0], false);
  assert.deepEqual(
    { ...tasks[0].Status, Timestamp: '' },
    {
      Timestamp: '',
      State: 'pending',
      Message: 'pending task scheduling',
      Err: 'no suitable node (scheduling constraints not satisfied on 2 nodes)',
      PortStatus: {},
    },
  );
  run('docker service scale -d p=1');
  assert.equal(run('docker service ps --format "{{.Name}} {{.CurrentState}}" p').stdout.split(' ')[0], 'p.1');
  run('docker service rm p');
  assert.equal(run('docker service ls -q').stdout, '');
});

test('a constraint update replaces Pending tasks and keeps placed ones whose node still qualifies', () => {
  const { run } = swarm2();
  run('docker service create -d --name web --replicas 2 --constraint node.hostname==host3 nginx');
  assert.equal(
    run(
      'docker service update -d --constraint-rm node.hostname==host3 --constraint-add node.role==worker web',
    ).stdout,
    'web\n',
  );
  const tasks = '"{{.Name}}|{{.Node}}|{{.DesiredState}}|{{.CurrentState}}|{{.Error}}"';
  assert.equal(
    run(`docker service ps --format ${tasks} web`).stdout,
    'web.1|host2|Running|Running 1 second ago|\nweb.1||Shutdown|Shutdown 2 seconds ago|\n' +
      'web.2|host2|Running|Running 1 second ago|\nweb.2||Shutdown|Shutdown 1 second ago|\n',
  );
  assert.equal(
    run(
      'docker service inspect -f "{{.Spec.TaskTemplate.Placement.Constraints}} {{.UpdateStatus.State}}" web',
    ).stdout,
    '[node.role==worker] updating\n',
  );
  // host2 is a worker that is not a manager either way: the running tasks stay where they are
  run('docker service update -d --constraint-rm node.role==worker --constraint-add node.role!=manager web');
  assert.equal(
    run('docker service inspect -f "{{.Spec.TaskTemplate.Placement.Constraints}} {{json .UpdateStatus}}" web')
      .stdout,
    '[node.role!=manager] null\n',
  );
  assert.equal(run('docker service ps -q -f desired-state=shutdown web').stdout.split('\n').length - 1, 2);
});
