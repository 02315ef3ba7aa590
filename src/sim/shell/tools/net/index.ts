// Mirrors nothing upstream; simplified: the registry of network programs (host and image tools
// that walk packets through the simulated kernel, and the servers that run as main processes).

import type { Program } from '../../program.ts';
import { curl } from './curl.ts';
import { dig, host } from './dig.ts';
import { bridge, iptables, iptablesSaveProgram } from './fw.ts';
import { ip } from './ip.ts';
import { nc } from './nc.ts';
import { nslookup } from './nslookup.ts';
import { ping } from './ping.ts';
import { postgres } from './postgres.ts';
import { dockerEntrypoint, httpd, nginx, python, redisServer, sleep, top, whoami } from './servers.ts';
import { netstat, ss } from './ss.ts';
import { traceroute } from './traceroute.ts';
import { wget } from './wget.ts';

/** netPrograms returns the network tools and server programs by command name. */
export function netPrograms(): Record<string, Program> {
  return {
    ip,
    ping,
    curl,
    wget,
    nslookup,
    dig,
    host,
    nc,
    netcat: nc,
    traceroute,
    ss,
    netstat,
    iptables,
    'iptables-nft': iptables,
    'iptables-save': iptablesSaveProgram,
    bridge,
    nginx,
    '/docker-entrypoint.sh': dockerEntrypoint,
    'docker-entrypoint.sh': dockerEntrypoint,
    httpd,
    'httpd-foreground': httpd,
    whoami,
    '/whoami': whoami,
    python,
    python3: python,
    'redis-server': redisServer,
    postgres,
    'docker-entrypoint-redis': redisServer,
    top,
    sleep,
  };
}

/** NET_TOOLS_BUSYBOX lists the network applets an alpine/busybox image provides. */
export const NET_TOOLS_BUSYBOX = ['ip', 'ping', 'wget', 'nslookup', 'nc', 'traceroute', 'netstat', 'top'];
