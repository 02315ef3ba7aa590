import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NETMODE_ERRORS, validateNetMode } from './netmode-validate.ts';

const rejects = (config: Record<string, unknown>, hc: Record<string, unknown>): string => {
  try {
    validateNetMode(config, hc);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

test('container network mode conflicts, in runconfig order', () => {
  const c = { NetworkMode: 'container:db' };
  assert.equal(rejects({}, { NetworkMode: 'container' }), NETMODE_ERRORS.invalidContainerFormat);
  assert.equal(rejects({ Hostname: 'x' }, { ...c, Links: ['a:b'] }), NETMODE_ERRORS.hostname);
  assert.equal(rejects({}, { ...c, Links: ['a:b'] }), NETMODE_ERRORS.containerLinks);
  assert.equal(rejects({}, { ...c, Dns: ['1.1.1.1'] }), NETMODE_ERRORS.dns);
  assert.equal(rejects({}, { ...c, ExtraHosts: ['h:1.2.3.4'] }), NETMODE_ERRORS.hosts);
  assert.equal(rejects({}, { ...c, PortBindings: { '80/tcp': [] } }), NETMODE_ERRORS.publish);
  assert.equal(rejects({}, { ...c, PublishAllPorts: true }), NETMODE_ERRORS.publish);
  assert.equal(rejects({ ExposedPorts: { '80/tcp': {} } }, c), NETMODE_ERRORS.expose);
  assert.equal(rejects({}, { ...c, Dns: [], Links: null, PortBindings: {} }), 'accepted');
});

test('UTS host with a hostname, host networking with links', () => {
  assert.equal(
    rejects({ Hostname: 'q' }, { NetworkMode: 'bridge', UTSMode: 'host' }),
    NETMODE_ERRORS.utsHostname,
  );
  assert.equal(rejects({}, { NetworkMode: 'host', Links: ['a:a'] }), NETMODE_ERRORS.hostLinks);
  assert.equal(rejects({ Hostname: 'q' }, { NetworkMode: 'host' }), 'accepted');
});
