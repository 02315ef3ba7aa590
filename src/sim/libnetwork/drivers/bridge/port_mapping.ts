// Mirrors moby/moby libnetwork/drivers/bridge/port_mapping_linux.go and bridge_linux.go
// ProgramExternalConnectivity: expand each -p binding to 0.0.0.0 and :: (when the host can listen
// on IPv6), reserve one host port for the group, bind it, add the iptables rules, then start a
// docker-proxy per binding. Simplified: no SCTP, no rootlesskit; a "bind" checks the host's sockets.

import { invalidParameter, system } from '../../../errdefs.ts';
import { bindConflict, bindSocket, unbindSocket } from '../../../kernel/socket.ts';
import type { Socket } from '../../../kernel/types.ts';
import { ExposedPorts, NoProxy6To4, PortMap } from '../../netlabel/labels.ts';
import { isIPv6, type PortBinding, portBindingString, type TransportPort } from '../../types/types.ts';
import type { BridgeDriver, BridgeEndpoint, BridgeNetwork, PortBindingState } from './bridge.ts';
import { storeEndpoint } from './bridge_store.ts';
import { ipOf } from './bridge_util.ts';

const maxAllocatePortAttempts = 10;

function ipCompare(a: string, b: string): number {
  const key = (ip: string): string =>
    ip === ''
      ? '0'
      : isIPv6(ip)
        ? `2${ip}`
        : `1${ip
            .split('.')
            .map((x) => x.padStart(3, '0'))
            .join('.')}`;
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** cmpPortBinding orders exact ports before ranges, then by port, proto, host port, host IP. */
export function cmpPortBinding(a: PortBinding, b: PortBinding): number {
  const aRange = a.hostPort === 0 || a.hostPort !== a.hostPortEnd;
  const bRange = b.hostPort === 0 || b.hostPort !== b.hostPortEnd;
  if (aRange !== bRange) return aRange ? 1 : -1;
  if (a.port !== b.port) return a.port - b.port;
  if (a.proto !== b.proto) return a.proto === 'tcp' ? -1 : 1;
  if (a.hostPort !== b.hostPort) return a.hostPort - b.hostPort;
  if (a.hostPortEnd !== b.hostPortEnd) return a.hostPortEnd - b.hostPortEnd;
  return ipCompare(a.hostIP, b.hostIP) || ipCompare(a.ip, b.ip);
}

const needSamePort = (a: PortBinding, b: PortBinding): boolean =>
  a.port === b.port &&
  a.proto === b.proto &&
  a.hostPort === b.hostPort &&
  a.hostPortEnd === b.hostPortEnd &&
  a.ip === b.ip;

function configureV4(bnd: PortBinding, ctrIPv4: string, defHostIP: string): PortBinding | undefined {
  if (ctrIPv4 === '' || (bnd.hostIP !== '' && isIPv6(bnd.hostIP))) return undefined;
  let hostIP = bnd.hostIP;
  if (hostIP === '') {
    if (isIPv6(defHostIP)) return undefined;
    hostIP = defHostIP;
  }
  return { ...bnd, hostIP, ip: ctrIPv4 };
}

function configureV6(
  d: BridgeDriver,
  bnd: PortBinding,
  ctrIP: string,
  defHostIP: string,
): PortBinding | undefined {
  if (ctrIP === '' || (bnd.hostIP !== '' && !isIPv6(bnd.hostIP))) return undefined;
  let hostIP = bnd.hostIP;
  if (hostIP === '') {
    if (defHostIP === '0.0.0.0') {
      if (!d.ctx.isV6Listenable()) return undefined;
      hostIP = '::';
    } else if (isIPv6(defHostIP)) hostIP = defHostIP;
    else return undefined;
  }
  return { ...bnd, hostIP, ip: ctrIP };
}

function attemptBind(
  d: BridgeDriver,
  n: BridgeNetwork,
  cfg: PortBinding[],
  proto: string,
): PortBindingState[] {
  const { hostPort: start, hostPortEnd: end } = cfg[0];
  const pa = d.ctx.portAllocator;
  const port = pa.requestPortsInRange(
    cfg.map((c) => c.hostIP),
    proto,
    start,
    end,
  );
  const res: PortBindingState[] = [];
  try {
    for (const c of cfg) {
      if (bindConflict(d.ctx.host.ns, c.proto, c.hostIP, port)) {
        const what =
          c.hostPort === c.hostPortEnd
            ? `failed to bind host port for ${portBindingString(c)}`
            : `failed to bind host port ${port} for ${portBindingString(c)}`;
        throw system(`${what}: address already in use`);
      }
      res.push({ ...c, hostPort: port, hostPortEnd: port, sockets: [] });
    }
    n.fw?.addPorts(res);
    return res;
  } catch (e) {
    for (const c of cfg) pa.releasePort(c.hostIP, proto, port);
    throw e;
  }
}

function bindHostPorts(d: BridgeDriver, n: BridgeNetwork, cfg: PortBinding[]): PortBindingState[] {
  if (cfg.length === 0) return [];
  const { proto, hostPort, hostPortEnd } = cfg[0];
  let err: unknown;
  for (let i = 0; i < maxAllocatePortAttempts; i++) {
    try {
      return attemptBind(d, n, cfg, proto);
    } catch (e) {
      err = e;
      if (hostPort !== 0 && hostPort === hostPortEnd) break;
    }
  }
  throw err;
}

function startProxy(d: BridgeDriver, b: PortBindingState): void {
  const s: Socket = {
    proto: b.proto,
    ip: b.hostIP,
    port: b.hostPort,
    owner: 'docker-proxy',
    app: { kind: 'proxy', targetIp: b.ip, targetPort: b.port },
  };
  bindSocket(d.ctx.host.ns, s);
  b.sockets.push(s);
  const hp = isIPv6(b.hostIP) ? `[${b.hostIP}]` : b.hostIP;
  d.ctx.explain.record(
    `start docker-proxy for ${hp}:${b.hostPort}/${b.proto}`,
    `/usr/bin/docker-proxy -proto ${b.proto} -host-ip ${b.hostIP} -host-port ${b.hostPort} -container-ip ${b.ip} -container-port ${b.port}`,
    'portmapper.StartProxy',
  );
}

/** addPortMappings binds every requested port and returns the operational bindings. */
export function addPortMappings(
  d: BridgeDriver,
  n: BridgeNetwork,
  ctrIPv4: string,
  cfg: PortBinding[],
  noProxy6To4: boolean,
): PortBindingState[] {
  const defHostIP = n.config.defaultBindingIP || '0.0.0.0';
  const sorted = cfg
    .map((c) => ({ ...c, hostPortEnd: c.hostPortEnd === 0 ? c.hostPort : c.hostPortEnd }))
    .sort(cmpPortBinding);
  const proxyPath = d.userlandProxyPath();
  const bindings: PortBindingState[] = [];
  let toBind: PortBinding[] = [];
  try {
    for (let i = 0; i < sorted.length; i++) {
      const c = sorted[i];
      const b4 = configureV4(c, ctrIPv4, defHostIP);
      if (b4) toBind.push(b4);
      const ctr6 = !noProxy6To4 && proxyPath !== '' ? ctrIPv4 : '';
      const b6 = configureV6(d, c, ctr6, defHostIP);
      if (b6) toBind.push(b6);
      if (i < sorted.length - 1 && needSamePort(c, sorted[i + 1])) continue;
      bindings.push(...bindHostPorts(d, n, toBind));
      toBind = [];
    }
  } catch (e) {
    releaseBindings(d, n, bindings);
    throw e;
  }
  if (proxyPath !== '') for (const b of bindings) startProxy(d, b);
  return bindings;
}

function releaseBindings(d: BridgeDriver, n: BridgeNetwork, pbs: PortBindingState[]): void {
  for (const b of pbs) {
    if (b.sockets.length) {
      for (const s of b.sockets) unbindSocket(d.ctx.host.ns, s);
      d.ctx.explain.record(
        `stop docker-proxy for ${b.hostIP}:${b.hostPort}/${b.proto}`,
        `kill docker-proxy (${b.hostIP}:${b.hostPort})`,
        'portmapper.stopProxy',
      );
    }
  }
  n.fw?.delPorts(pbs);
  for (const b of pbs) if (b.hostPort > 0) d.ctx.portAllocator.releasePort(b.hostIP, b.proto, b.hostPort);
}

/** releasePorts undoes an endpoint's port mappings. */
export function releasePorts(d: BridgeDriver, n: BridgeNetwork, ep: BridgeEndpoint): void {
  const pbs = ep.portMapping;
  ep.portMapping = [];
  releaseBindings(d, n, pbs);
}

/** programExternalConnectivity publishes the sandbox's ports through this endpoint. */
export function programExternalConnectivity(
  d: BridgeDriver,
  nid: string,
  eid: string,
  options: Record<string, unknown>,
): void {
  const n = d.getNetwork(nid);
  const ep = d.getEndpoint(n, eid);
  const pbs = options[PortMap];
  if (pbs !== undefined && !Array.isArray(pbs))
    throw invalidParameter(`invalid port mapping data in connectivity configuration: ${String(pbs)}`);
  ep.extConnConfig = {
    portBindings: pbs as PortBinding[] | undefined,
    exposedPorts: options[ExposedPorts] as TransportPort[] | undefined,
    noProxy6To4: options[NoProxy6To4] === true,
  };
  if (ep.extConnConfig.portBindings) {
    ep.portMapping = addPortMappings(
      d,
      n,
      ipOf(ep.addr),
      ep.extConnConfig.portBindings,
      ep.extConnConfig.noProxy6To4,
    );
  }
  storeEndpoint(d, ep);
}

/** revokeExternalConnectivity releases the endpoint's published ports. */
export function revokeExternalConnectivity(d: BridgeDriver, nid: string, eid: string): void {
  const n = d.getNetwork(nid);
  const ep = d.getEndpoint(n, eid);
  releasePorts(d, n, ep);
  storeEndpoint(d, ep);
}
