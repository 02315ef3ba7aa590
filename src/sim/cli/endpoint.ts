// Mirrors docker/cli opts/hosts.go (ParseHost, parseDockerDaemonHost, ParseTCPAddr) and
// cli/command/cli.go (getServerHost; -H has no validator, so a bad value fails there: "Failed to
// initialize: unable to resolve docker endpoint: …"), and moby client/request.go doRequest's connection errors (connectionFailed, "error during connect").
// Simplified: the lab's dockerd listens only on /var/run/docker.sock (= /run/docker.sock); a TCP
// endpoint is dialled through the network model, and one that accepts is not a Docker daemon.

import type { ApiRequest, ApiResponse, EngineApi } from '../api/types.ts';
import { ApiError } from './errors.ts';

/** DialResult is what a TCP connect to the daemon endpoint gave (the lab's dialer computes it). */
export interface DialResult {
  /** connected: something accepted the connection. */
  connected?: boolean;
  /** timeout: nothing answered before the client's 10 s dial timeout. */
  timeout?: boolean;
  /** error is the Go net error text after "dial tcp …: " ("connect: connection refused"). */
  error?: string;
  /** lookup is set when the name did not resolve ("lookup x on 192.168.1.1:53: no such host"). */
  lookup?: string;
  /** ms is how long the attempt took. */
  ms: number;
}

/** Dialer opens a TCP connection from the CLI's host to host:port. */
export type Dialer = (host: string, port: number) => DialResult;

const DEFAULT_HOST = 'unix:///var/run/docker.sock';
const LOCAL_SOCKETS = new Set(['unix:///var/run/docker.sock', 'unix:///run/docker.sock']);

function parseTCPAddr(tryAddr: string): string {
  if (tryAddr === '' || tryAddr === 'tcp://') return 'tcp://localhost:2375';
  const addr = tryAddr.replace(/^tcp:\/\//, '');
  if (addr.includes('://') || addr === '') throw new Error(`invalid proto, expected tcp: ${tryAddr}`);
  const m = /^(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?(\/.*)?$/.exec(addr);
  if (!m) throw new Error(`invalid bind address format: ${tryAddr}`);
  const host = m[1] === '' ? 'localhost' : m[1];
  const port = m[2] === undefined || m[2] === '' ? '2375' : m[2];
  if (Number(port) === 0) throw new Error(`invalid bind address format: ${tryAddr}`);
  return `tcp://${host}:${port}${m[3] ?? ''}`;
}

/** parseDockerDaemonHost is opts.parseDockerDaemonHost: it normalises tcp/unix addresses. */
export function parseDockerDaemonHost(addr: string): string {
  const cut = addr.indexOf('://');
  let proto = cut >= 0 ? addr.slice(0, cut) : addr;
  let host = cut >= 0 ? addr.slice(cut + 3) : '';
  if (cut < 0 && proto !== '') {
    host = proto;
    proto = 'tcp';
  }
  switch (proto) {
    case 'tcp':
      return parseTCPAddr(host);
    case 'unix':
    case 'npipe': {
      const a = host.replace(new RegExp(`^${proto}://`), '');
      if (a.includes('://')) throw new Error(`invalid proto, expected ${proto}: ${a}`);
      return `${proto}://${a || (proto === 'unix' ? '/var/run/docker.sock' : '//./pipe/docker_engine')}`;
    }
    case 'fd':
    case 'ssh':
      return addr;
    default:
      throw new Error(`invalid bind address format: ${addr}`);
  }
}

/** serverHost is getServerHost: one -H, else DOCKER_HOST, else the default socket. */
export function serverHost(hosts: string[], env: Record<string, string>): string {
  if (hosts.length > 1) throw new Error('Specify only one -H');
  const val = (hosts.length === 1 ? hosts[0] : (env.DOCKER_HOST ?? '')).trim();
  return val === '' ? DEFAULT_HOST : parseDockerDaemonHost(val);
}

/**
 * ConnectionError is errConnectionFailed: no response at all. It is an ApiError (status 0) so the
 * commands that carry on after a daemon error (docker version, rm of several) treat it alike.
 */
export class ConnectionError extends ApiError {
  constructor(message: string) {
    super(0, message);
    this.message = message;
    this.name = 'ConnectionError';
  }
}

/** failingApi answers every request with the client's connection error (no daemon was reached). */
function failingApi(message: string, ms: number, sleep?: (ms: number) => void): EngineApi {
  let waited = false;
  return {
    route(_req: ApiRequest): ApiResponse {
      if (!waited) sleep?.(ms);
      waited = true;
      throw new ConnectionError(message);
    },
  };
}

/**
 * resolveEngine picks the Engine API the CLI talks to: the host's own dockerd for its socket,
 * otherwise an API that fails as the real client fails to connect there.
 */
export function resolveEngine(
  host: string,
  local: EngineApi,
  dial: Dialer | undefined,
  sleep?: (ms: number) => void,
): EngineApi {
  const cannot = `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`;
  if (LOCAL_SOCKETS.has(host)) return local;
  if (!host.startsWith('tcp://') || !dial) return failingApi(cannot, 0, sleep);
  const hostPort = host.slice('tcp://'.length).replace(/\/.*$/, '');
  const colon = hostPort.lastIndexOf(':');
  const name = hostPort.slice(0, colon).replace(/^\[|\]$/g, '');
  const r = dial(name, Number(hostPort.slice(colon + 1)));
  const url = `http://${hostPort}/_ping`;
  if (r.timeout || r.connected || r.error === 'connect: connection refused')
    return failingApi(cannot, r.ms, sleep);
  const detail = r.lookup ? `dial tcp: ${r.lookup}` : `dial tcp ${hostPort}: ${r.error ?? ''}`;
  return failingApi(`error during connect: Head ${JSON.stringify(url)}: ${detail}`, r.ms, sleep);
}
