// Mirrors docker/cli cli/command/service/formatter.go's serviceInspectPrettyTemplate (v28.2.2),
// `docker service inspect --pretty`, written out for the fields the simulator's services have
// (no labels, preferences, env, mounts, secrets, configs, log driver, healthcheck or resource
// values); the whitespace follows the template's trim markers exactly.

import { humanDuration } from '../../gounits.ts';
import { parseRFC3339 } from '../formatter/display.ts';

interface PortJson {
  Protocol: string;
  TargetPort: number;
  PublishedPort: number;
  PublishMode: string;
}
interface UpdateJson {
  Parallelism: number;
  Delay?: number;
  FailureAction: string;
  Monitor?: number;
  MaxFailureRatio: number;
  Order: string;
}
/** PrettyServiceJson is the part of swarm.Service the pretty view reads. */
export interface PrettyServiceJson {
  ID: string;
  Spec: {
    Name: string;
    Mode: { Replicated?: { Replicas: number }; Global?: object };
    TaskTemplate: {
      ContainerSpec: { Image: string; Args?: string[]; Init?: boolean };
      Placement?: { Constraints?: string[] };
      Resources?: object;
      Networks?: Array<{ Target: string }>;
    };
    UpdateConfig?: UpdateJson;
    RollbackConfig?: UpdateJson;
    EndpointSpec?: { Mode?: string };
  };
  Endpoint: { Ports?: PortJson[] };
  UpdateStatus?: { State?: string; StartedAt?: string; CompletedAt?: string; Message?: string };
}

/** goDuration is time.Duration.String for whole seconds and milliseconds ("5s", "500ms"). */
function goDuration(ns: number): string {
  if (ns % 1e9 === 0) return `${ns / 1e9}s`;
  return `${ns / 1e6}ms`;
}

function updateBlock(title: string, orderLabel: string, u: UpdateJson): string {
  let s = `\n${title}:\n Parallelism:\t${u.Parallelism}`;
  if ((u.Delay ?? 0) > 0) s += `\n Delay:\t\t${goDuration(u.Delay ?? 0)}`;
  s += `\n On failure:\t${u.FailureAction}`;
  if ((u.Monitor ?? 0) > 0) s += `\n Monitoring Period: ${goDuration(u.Monitor ?? 0)}`;
  s += `\n Max failure ratio: ${u.MaxFailureRatio}\n ${orderLabel} ${u.Order}`;
  return s;
}

/** prettyService renders one service as the pretty template does (networkName resolves an ID). */
export function prettyService(
  svc: PrettyServiceJson,
  networkName: (id: string) => string,
  now: number,
): string {
  const spec = svc.Spec;
  const cs = spec.TaskTemplate.ContainerSpec;
  let s = `\nID:\t\t${svc.ID}\nName:\t\t${spec.Name}\nService Mode:`;
  if (spec.Mode.Global) s += '\tGlobal';
  else if (spec.Mode.Replicated) s += `\tReplicated\n Replicas:\t${spec.Mode.Replicated.Replicas}`;
  const u = svc.UpdateStatus;
  if (u?.State) {
    const ago = (t: string): string => `${humanDuration(now - (parseRFC3339(t)?.ms ?? 0))} ago`;
    s += `\nUpdateStatus:\n State:\t\t${u.State}`;
    if (u.StartedAt) s += `\n Started:\t${ago(u.StartedAt)}`;
    if (u.State === 'completed' && u.CompletedAt) s += `\n Completed:\t${ago(u.CompletedAt)}`;
    s += `\n Message:\t${u.Message ?? ''}`;
  }
  s += '\nPlacement:';
  const constraints = spec.TaskTemplate.Placement?.Constraints ?? [];
  if (constraints.length > 0) s += `\n Constraints:\t[${constraints.join(' ')}]`;
  if (spec.UpdateConfig) s += updateBlock('UpdateConfig', 'Update order:     ', spec.UpdateConfig);
  if (spec.RollbackConfig) s += updateBlock('RollbackConfig', 'Rollback order:   ', spec.RollbackConfig);
  s += `\nContainerSpec:\n Image:\t\t${cs.Image}`;
  if (cs.Args && cs.Args.length > 0) s += `\n Args:\t\t${cs.Args.map((a) => `${a} `).join('')}`;
  if (cs.Init !== undefined) s += `\n Init:\t\t${cs.Init}`;
  if (spec.TaskTemplate.Resources) s += '\nResources:';
  const nets = spec.TaskTemplate.Networks ?? [];
  if (nets.length > 0) s += `\nNetworks:${nets.map((n) => ` ${networkName(n.Target)}`).join('')} `;
  s += `\nEndpoint Mode:\t${spec.EndpointSpec?.Mode ?? ''}`;
  const ports = svc.Endpoint.Ports ?? [];
  if (ports.length > 0) {
    s += '\nPorts:';
    for (const p of ports)
      s += `\n PublishedPort = ${p.PublishedPort}\n  Protocol = ${p.Protocol}\n  TargetPort = ${p.TargetPort}\n  PublishMode = ${p.PublishMode}`;
    s += ' ';
  }
  return `${s}\n`;
}
