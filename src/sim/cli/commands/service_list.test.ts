// Tests for service_list.ts's PORTS column (serviceContext.Ports: ingress ports grouped into ranges)
// and service_pretty.ts (the --pretty template).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portsColumn } from './service_list.ts';
import { prettyService } from './service_pretty.ts';

const p = (published: number, target: number, protocol = 'tcp', mode = 'ingress') => ({
  Protocol: protocol,
  TargetPort: target,
  PublishedPort: published,
  PublishMode: mode,
});

test('PORTS groups consecutive ingress ports, sorts by protocol then port, skips host mode', () => {
  assert.equal(portsColumn(undefined), '');
  assert.equal(portsColumn([p(8080, 80)]), '*:8080->80/tcp');
  assert.equal(portsColumn([p(81, 81), p(80, 80)]), '*:80-81->80-81/tcp');
  assert.equal(portsColumn([p(80, 80), p(81, 80)]), '*:80-81->80/tcp');
  assert.equal(portsColumn([p(80, 80), p(81, 81), p(82, 80)]), '*:80-81->80-81/tcp, *:82->80/tcp');
  assert.equal(
    portsColumn([p(53, 53, 'udp'), p(80, 80), p(9000, 9000, 'tcp', 'host')]),
    '*:80->80/tcp, *:53->53/udp',
  );
});

test('inspect --pretty follows the template: replicated, constraints, args, network, ports', () => {
  const update = {
    Parallelism: 1,
    FailureAction: 'pause',
    Monitor: 5e9,
    MaxFailureRatio: 0,
    Order: 'stop-first',
  };
  const text = prettyService(
    {
      ID: 'abc',
      Spec: {
        Name: 'web',
        Mode: { Replicated: { Replicas: 3 } },
        TaskTemplate: {
          ContainerSpec: { Image: 'nginx:latest', Args: ['sleep', '1d'], Init: false },
          Placement: { Constraints: ['node.role==worker'] },
          Resources: {},
          Networks: [{ Target: 'n1' }],
        },
        UpdateConfig: update,
        RollbackConfig: update,
        EndpointSpec: { Mode: 'vip' },
      },
      Endpoint: { Ports: [p(8080, 80)] },
    },
    (id) => (id === 'n1' ? 'appnet' : id),
  );
  assert.equal(
    text,
    '\nID:\t\tabc\nName:\t\tweb\nService Mode:\tReplicated\n Replicas:\t3\nPlacement:\n Constraints:\t[node.role==worker]' +
      '\nUpdateConfig:\n Parallelism:\t1\n On failure:\tpause\n Monitoring Period: 5s\n Max failure ratio: 0\n Update order:      stop-first' +
      '\nRollbackConfig:\n Parallelism:\t1\n On failure:\tpause\n Monitoring Period: 5s\n Max failure ratio: 0\n Rollback order:    stop-first' +
      '\nContainerSpec:\n Image:\t\tnginx:latest\n Args:\t\tsleep 1d \n Init:\t\tfalse\nResources:\nNetworks: appnet \nEndpoint Mode:\tvip' +
      '\nPorts:\n PublishedPort = 8080\n  Protocol = tcp\n  TargetPort = 80\n  PublishMode = ingress \n',
  );
});
