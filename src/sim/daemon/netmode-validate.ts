// Mirrors moby/moby runconfig/hostconfig.go (validateNetContainerMode), hostconfig_unix.go
// (validateNetMode) and runconfig/errors.go, v28.2.2: the network-mode conflicts dockerd rejects
// while decoding a create request, before it looks at the image.

import { invalidParameter } from '../errdefs.ts';
import { netMode } from './netmode.ts';

/** NETMODE_ERRORS are runconfig/errors.go's network-mode conflicts. */
export const NETMODE_ERRORS = {
  invalidContainerFormat: 'invalid network mode: invalid container format container:<name|id>',
  hostname: 'conflicting options: hostname and the network mode',
  containerLinks:
    "conflicting options: container type network can't be used with links. This would result in undefined behavior",
  dns: 'conflicting options: dns and the network mode',
  hosts: 'conflicting options: custom host-to-IP mapping and the network mode',
  publish: 'conflicting options: port publishing and the container type network mode',
  expose: 'conflicting options: port exposing and the container type network mode',
  utsHostname: 'conflicting options: hostname and the UTS mode',
  hostLinks:
    "conflicting options: host type networking can't be used with links. This would result in undefined behavior",
} as const;

const count = (v: unknown): number =>
  Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;

/** validateNetMode throws dockerd's invalid-parameter error for a conflicting network mode. */
export function validateNetMode(config: Record<string, unknown>, hc: Record<string, unknown>): void {
  const modeName = String(hc.NetworkMode ?? '');
  const mode = netMode(modeName);
  // A network named "container" (no colon) counts as container mode too: moby's FIXME.
  if (modeName === 'container' || mode.isContainer()) {
    if (mode.connectedContainer() === '') throw invalidParameter(NETMODE_ERRORS.invalidContainerFormat);
    if (config.Hostname) throw invalidParameter(NETMODE_ERRORS.hostname);
    if (count(hc.Links) > 0) throw invalidParameter(NETMODE_ERRORS.containerLinks);
    if (count(hc.Dns) > 0) throw invalidParameter(NETMODE_ERRORS.dns);
    if (count(hc.ExtraHosts) > 0) throw invalidParameter(NETMODE_ERRORS.hosts);
    if (count(hc.PortBindings) > 0 || hc.PublishAllPorts === true)
      throw invalidParameter(NETMODE_ERRORS.publish);
    if (count(config.ExposedPorts) > 0) throw invalidParameter(NETMODE_ERRORS.expose);
  }
  if (hc.UTSMode === 'host' && config.Hostname) throw invalidParameter(NETMODE_ERRORS.utsHostname);
  if (mode.isHost() && count(hc.Links) > 0) throw invalidParameter(NETMODE_ERRORS.hostLinks);
}
