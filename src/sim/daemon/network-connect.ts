// Mirrors moby/moby daemon/container_operations.go (ConnectToNetwork, DisconnectFromNetwork) and
// daemon/network.go (ConnectContainerToNetwork, DisconnectContainerFromNetwork, ForceEndpointDelete),
// v28.2.2: POST /networks/{id}/connect and /disconnect.

import { invalidParameter, system } from '../errdefs.ts';
import type { Container } from './container.ts';
import { connectToNetwork, disconnectFromNetwork } from './container_operations.ts';
import type { Daemon } from './daemon.ts';
import { decodeEndpointSettings, RUNCONFIG_ERRORS, updateNetworkConfig } from './endpoint-settings.ts';
import { isPlainObject, lookupField } from './gostruct.ts';
import type { NetNetwork } from './libnetwork.ts';
import { netMode } from './netmode.ts';
import { findNetwork } from './network.ts';

function errRemovalContainer(c: Container): Error {
  return system(
    `Container ${c.id} is marked for removal and cannot be connected or disconnected to the network`,
  );
}

/** networkConnect is POST /networks/{id}/connect with body {Container, EndpointConfig}. */
export function networkConnect(d: Daemon, networkTerm: string, body: unknown): void {
  const req = isPlainObject(body) ? body : {};
  const c = d.getContainer(String(lookupField(req, 'Container') ?? ''));
  const es = decodeEndpointSettings(lookupField(req, 'EndpointConfig') ?? {});
  if (!c.state.running) {
    if (c.state.removalInProgress || c.state.dead) throw errRemovalContainer(c);
    let nw: NetNetwork | undefined;
    try {
      nw = findNetwork(d, networkTerm);
    } catch {
      nw = undefined;
    }
    if (nw) updateNetworkConfig(d, c, nw, es);
    else c.networkSettings.networks.set(networkTerm, es);
    return;
  }
  d.advance(80);
  connectToNetwork(d, c, networkTerm, es);
}

/** networkDisconnect is POST /networks/{id}/disconnect with body {Container, Force}. */
export function networkDisconnect(d: Daemon, networkTerm: string, body: unknown): void {
  const req = isPlainObject(body) ? body : {};
  const name = String(lookupField(req, 'Container') ?? '');
  const force = lookupField(req, 'Force') === true;
  const c = d.findContainer(name);
  if (!c) {
    if (!force) d.getContainer(name);
    const nw = findNetwork(d, networkTerm);
    const ep = nw.endpoints().find((e) => e.name === name);
    if (!ep) throw system(`endpoint ${name} not found`);
    ep.delete({ force: true });
    return;
  }
  let nw: NetNetwork | undefined;
  let findErr: unknown;
  try {
    nw = findNetwork(d, networkTerm);
  } catch (e) {
    findErr = e;
  }
  if (!c.state.running || (findErr && force)) {
    if (c.state.removalInProgress || c.state.dead) throw errRemovalContainer(c);
    const netName = nw ? nw.name : networkTerm;
    if (!c.networkSettings.networks.has(netName))
      throw system(`container ${c.id} is not connected to the network ${netName}`);
    c.networkSettings.networks.delete(netName);
    return;
  }
  if (!nw) throw findErr;
  if (netMode(c.hostConfig.NetworkMode as string).isHost() && netMode(nw.type).isHost()) {
    throw invalidParameter(RUNCONFIG_ERRORS.conflictDisconnectFromHostNetwork);
  }
  d.advance(60);
  disconnectFromNetwork(d, c, nw, false);
}
