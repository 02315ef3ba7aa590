// Mirrors moby/buildkit as dockerd embeds it (the "default" builder, docker driver): the solve of a
// Dockerfile into vertexes ([internal] load …, [i/n] FROM/RUN/COPY, exporting to image) with their
// logs, the build cache (CACHED steps) and the export into the image store (image ID = sha256 of the
// config). Simplified: the context is a directory of the host's Vfs, not a tar stream; RUN runs in
// a build sandbox through the container runtime; package managers are simulated (build-packages.ts).

import { notFound } from '../errdefs.ts';
import { normalizePath, Vfs } from '../kernel/vfs.ts';
import type { Place } from '../shell/program.ts';
import { rfc3339Nano } from '../world/clock.ts';
import { copyInto } from './build-context.ts';
import { expandVars, type Instruction, parseDockerfile, splitKeyValues } from './build-dockerfile.ts';
import { BuildHistory } from './build-history.ts';
import { apk, aptGet, type PackageResult, pip } from './build-packages.ts';
import { sha256Hex } from './build-sha256.ts';
import type { Daemon } from './daemon.ts';
import { layerDiffSizes } from './image-history.ts';
import { humanSize } from './images.ts';
import type { CatalogueImage } from './images-data.ts';
import { familiarString, parseImageRef, registryPath, withDefaultTag } from './reference.ts';
import { findRegistryImage } from './registry.ts';

/** BuildVertex is one step of the solve as the progress shows it. */
export interface BuildVertex {
  name: string;
  /** statuses are progress lines ("transferring dockerfile: 148B done"). */
  statuses: string[];
  /** logs are the step's output lines with their offset in seconds. */
  logs: Array<{ t: number; line: string }>;
  cached?: boolean;
  /** seconds is how long the step took. */
  seconds: number;
  error?: string;
}

/** BuildRequest is POST /build: the context is a directory of the host's file system. */
export interface BuildRequest {
  fs: Vfs;
  contextDir: string;
  dockerfile: string;
  tags: string[];
  buildArgs?: Record<string, string>;
}

/** BuildResult is the solve's vertexes, the image ID and, on failure, buildkit's error. */
export interface BuildResult {
  vertexes: BuildVertex[];
  imageId?: string;
  error?: string;
  /** failed locates the failing instruction for the Dockerfile excerpt. */
  failed?: { line: number; vertex: number };
}

interface State {
  entry: CatalogueImage;
  files: Record<string, string>;
  tools: Set<string>;
  pkgs: Set<string>;
  key: string;
}

const buildCaches = new WeakMap<Daemon, Map<string, State>>();
const sizeOf = (files: Record<string, string>): number =>
  Object.values(files).reduce((n, f) => n + f.length, 0);

function resolveBase(d: Daemon, from: string): CatalogueImage {
  const reg = findRegistryImage(d.world, from);
  if (reg) return reg;
  const local = d.images.findImage(from);
  if (local) return local.entry;
  const cat = d.images.findInCatalogue(from);
  if (cat) return cat;
  const full = `docker.io/${registryPath(withDefaultTag(parseImageRef(from)).repo)}:${withDefaultTag(parseImageRef(from)).tag}`;
  throw notFound(`${from}: failed to resolve source metadata for ${full}: ${full}: not found`);
}

function runStep(d: Daemon, st: State, shell: string, env: Record<string, string>): PackageResult {
  const lines: string[] = [];
  let tools: string[] = [];
  let installed = 0;
  for (const part of shell.split(/\s*(?:&&|;)\s*/).filter(Boolean)) {
    const argv = part.split(/\s+/);
    let r: PackageResult | undefined;
    if (argv[0] === 'apk') r = apk(argv.slice(1), st.pkgs);
    else if (argv[0] === 'apt-get' || argv[0] === 'apt') r = aptGet(argv.slice(1), st.pkgs);
    else if (argv[0] === 'pip' || argv[0] === 'pip3') r = pip(argv.slice(1), st.pkgs);
    const present =
      argv[0] === 'apk'
        ? '/etc/alpine-release' in st.files
        : argv[0].startsWith('apt')
          ? '/etc/debian_version' in st.files
          : st.tools.has(argv[0]);
    if (r && !present)
      r = { lines: [`/bin/sh: ${argv[0]}: not found`], exitCode: 127, tools: [], installed: 0 };
    if (!r) {
      const fs = new Vfs();
      for (const [p, c] of Object.entries(st.files)) fs.writeFile(p, c);
      const place: Place = {
        host: d.host.name,
        ns: d.host.ns,
        fs,
        hostname: 'buildkitsandbox',
        tools: st.tools,
        flavour: st.entry.flavour,
      };
      const res = d.runtime.exec({ containerId: '', argv: ['/bin/sh', '-c', part], env, tty: false, place });
      st.files = Object.fromEntries(fs.files());
      r = {
        lines: `${res.stdout}${res.stderr}`.split('\n').filter((l, i, a) => l !== '' || i < a.length - 1),
        exitCode: res.exitCode,
        tools: [],
        installed: 0,
      };
    }
    lines.push(...r.lines);
    tools = tools.concat(r.tools);
    installed += r.installed;
    if (r.exitCode !== 0) return { lines, exitCode: r.exitCode, tools, installed };
  }
  return { lines, exitCode: 0, tools, installed };
}

/** buildImage runs a build: it solves the Dockerfile step by step and exports the image. */
export function buildImage(d: Daemon, req: BuildRequest): BuildResult {
  const cache = buildCaches.get(d) ?? new Map<string, State>();
  buildCaches.set(d, cache);
  const vertexes: BuildVertex[] = [];
  const dfPath = normalizePath(req.dockerfile, req.contextDir);
  const dfText = req.fs.readFile(dfPath);
  const dfName = req.dockerfile.slice(req.dockerfile.lastIndexOf('/') + 1);
  vertexes.push({
    name: `[internal] load build definition from ${dfName}`,
    statuses: [`transferring dockerfile: ${dfText?.length ?? 2}B done`],
    logs: [],
    seconds: 0,
  });
  if (dfText === undefined)
    return { vertexes, error: `failed to read dockerfile: open ${dfName}: no such file or directory` };
  let instructions: Instruction[];
  try {
    instructions = parseDockerfile(dfText);
  } catch (e) {
    return { vertexes, error: (e as Error).message };
  }
  const args: Record<string, string> = { ...(req.buildArgs ?? {}) };
  const fromIdx = instructions.findIndex((i) => i.cmd === 'FROM');
  for (const a of instructions.slice(0, fromIdx))
    for (const [k, v] of splitKeyValues(a.args[0])) args[k] ??= v;
  const fromRef = expandVars(instructions[fromIdx].args[0].split(' ')[0], args);
  const norm = withDefaultTag(parseImageRef(fromRef));
  const fullFrom = `docker.io/${registryPath(norm.repo)}:${norm.tag}`;
  vertexes.push({ name: `[internal] load metadata for ${fullFrom}`, statuses: [], logs: [], seconds: 0.6 });
  let base: CatalogueImage;
  try {
    base = resolveBase(d, fromRef);
  } catch (e) {
    vertexes[1].error = (e as Error).message;
    return { vertexes, error: (e as Error).message };
  }
  vertexes.push({
    name: '[internal] load .dockerignore',
    statuses: [
      `transferring context: ${req.fs.readFile(`${normalizePath(req.contextDir)}/.dockerignore`)?.length ?? 2}B done`,
    ],
    logs: [],
    seconds: 0,
  });
  const steps = instructions.filter((i) => ['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR'].includes(i.cmd));
  const total = steps.length;
  const pinned = `${fullFrom}@${base.digest}`;
  const fromV: BuildVertex = {
    name: `[1/${total}] FROM ${pinned}`,
    statuses: [`resolve ${pinned} 0.0s done`],
    logs: [],
    seconds: 0,
  };
  if (!cache.has(`base:${base.id}`)) {
    for (const l of base.layers)
      fromV.statuses.push(`${l.blob} ${humanSize(l.size)} / ${humanSize(l.size)} 0.2s done`);
    for (const l of base.layers) fromV.statuses.push(`extracting ${l.blob} 0.1s done`);
    fromV.seconds = 0.4;
  }
  vertexes.push(fromV);
  const config = JSON.parse(JSON.stringify(base.config)) as CatalogueImage['config'];
  const st: State = {
    entry: base,
    files: { ...base.files },
    tools: new Set(base.tools),
    pkgs: new Set(),
    key: `base:${base.id}`,
  };
  cache.set(st.key, { ...st, files: { ...st.files }, tools: new Set(st.tools), pkgs: new Set() });
  const copies = instructions.filter((i) => i.cmd === 'COPY' || i.cmd === 'ADD');
  if (copies.length > 0) {
    // BuildKit transfers only what the COPY/ADD sources name (its include patterns).
    const probe: State = { ...st, files: {} };
    let bytes = 0;
    for (const c of copies) {
      const parts = expandVars(c.args.join(' '), args)
        .split(' ')
        .filter((p) => !p.startsWith('--'));
      try {
        bytes += copyInto(req, probe, parts.slice(0, -1), '/probe/', '/');
      } catch {
        // reported by the COPY step itself
      }
    }
    vertexes.push({
      name: '[internal] load build context',
      statuses: [`transferring context: ${bytes}B done`],
      logs: [],
      seconds: 0,
    });
  }
  const baseSizes = layerDiffSizes(base);
  const layers: CatalogueImage['layers'] = base.layers.map((l, i) => ({ ...l, diffSize: baseSizes[i] }));
  const history = new BuildHistory(base);
  let step = 1;
  const env = (): Record<string, string> =>
    Object.fromEntries(
      (config.Env ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
    );
  for (const ins of instructions.slice(fromIdx + 1)) {
    const vars = { ...args, ...env() };
    const arg = expandVars(ins.args.join(' '), vars);
    history.config(ins, arg, args);
    switch (ins.cmd) {
      case 'ENV':
        for (const [k, v] of splitKeyValues(arg))
          config.Env = [...(config.Env ?? []).filter((e) => !e.startsWith(`${k}=`)), `${k}=${v}`];
        continue;
      case 'ARG':
        for (const [k, v] of splitKeyValues(ins.args[0])) args[k] ??= v;
        continue;
      case 'LABEL':
        config.Labels = { ...(config.Labels ?? {}), ...Object.fromEntries(splitKeyValues(arg)) };
        continue;
      case 'EXPOSE':
        for (const p of arg.split(' ').filter(Boolean))
          config.ExposedPorts = { ...(config.ExposedPorts ?? {}), [p.includes('/') ? p : `${p}/tcp`]: {} };
        continue;
      case 'CMD':
      case 'ENTRYPOINT': {
        const v = ins.json ? ins.args : ['/bin/sh', '-c', ins.args[0]];
        if (ins.cmd === 'CMD') config.Cmd = v;
        else {
          config.Entrypoint = v;
          delete config.Cmd;
        }
        continue;
      }
      case 'USER':
        config.User = arg;
        continue;
      case 'STOPSIGNAL':
        config.StopSignal = arg;
        continue;
      case 'FROM':
        return { vertexes, error: 'multi-stage builds are not simulated' };
    }
    step++;
    const shown = ins.cmd === 'RUN' && ins.json ? `RUN ${JSON.stringify(ins.args)}` : ins.original;
    const v: BuildVertex = { name: `[${step}/${total}] ${shown}`, statuses: [], logs: [], seconds: 0 };
    let installedNow = 0;
    vertexes.push(v);
    let key = `${st.key}|${ins.original}`;
    if (ins.cmd === 'COPY' || ins.cmd === 'ADD') {
      const parts = arg.split(' ').filter((p) => !p.startsWith('--'));
      const probe: State = { ...st, files: {} };
      try {
        copyInto(req, probe, parts.slice(0, -1), parts[parts.length - 1], config.WorkingDir || '/');
      } catch (e) {
        v.error = (e as Error).message;
        return { vertexes, error: v.error, failed: { line: ins.line, vertex: vertexes.length } };
      }
      key += `|${sha256Hex(JSON.stringify(probe.files))}`;
    }
    const hit = cache.get(key);
    if (hit) {
      v.cached = true;
      Object.assign(st, { files: { ...hit.files }, tools: new Set(hit.tools), pkgs: new Set(hit.pkgs), key });
      layers.push(hit.entry.layers[hit.entry.layers.length - 1]);
      if (ins.cmd === 'WORKDIR') config.WorkingDir = normalizePath(arg, config.WorkingDir || '/');
      const made = hit.entry.history?.[hit.entry.history.length - 1];
      history.layer(
        history.createdBy(ins, arg, vars, config.WorkingDir || '/'),
        made?.created ?? base.created,
      );
      continue;
    }
    if (ins.cmd === 'WORKDIR') {
      config.WorkingDir = normalizePath(arg, config.WorkingDir || '/');
    } else if (ins.cmd === 'RUN') {
      const shell = ins.json ? ins.args.join(' ') : arg;
      const r = runStep(d, st, shell, env());
      let t = 0.1 + d.cosmetic.int(80) / 1000;
      for (const line of r.lines) {
        v.logs.push({ t, line });
        t += 0.02 + d.cosmetic.int(200) / 1000;
      }
      v.seconds = Math.round((t + 0.1) * 10) / 10;
      for (const tool of r.tools) st.tools.add(tool);
      installedNow = r.installed;
      if (r.exitCode !== 0) {
        const proc = ins.json ? JSON.stringify(ins.args) : `/bin/sh -c ${ins.args[0]}`;
        v.error = `process "${proc}" did not complete successfully: exit code: ${r.exitCode}`;
        return { vertexes, error: v.error, failed: { line: ins.line, vertex: vertexes.length } };
      }
    } else {
      const parts = arg.split(' ').filter((p) => !p.startsWith('--'));
      copyInto(req, st, parts.slice(0, -1), parts[parts.length - 1], config.WorkingDir || '/');
    }
    d.advance(Math.round(v.seconds * 1000));
    const diff = sha256Hex(`${key}\n${JSON.stringify(st.files)}`);
    // WORKDIR's layer is an empty directory (overlay2's DiffSize counts file bytes only).
    const size =
      ins.cmd === 'WORKDIR'
        ? 0
        : 200 + Math.max(0, sizeOf(st.files) - sizeOf(base.files)) + installedNow * 420_000;
    layers.push({
      blob: `sha256:${sha256Hex(`blob:${diff}`)}`,
      diffId: `sha256:${diff}`,
      size,
      diffSize: size,
    });
    history.layer(
      history.createdBy(ins, arg, vars, config.WorkingDir || '/'),
      rfc3339Nano(d.world.clock.now(), d.cosmetic.int(1_000_000_000)),
    );
    st.key = key;
    cache.set(key, {
      ...st,
      entry: { ...base, layers: [...layers], history: [...history.entries] },
      files: { ...st.files },
      tools: new Set(st.tools),
      pkgs: new Set(st.pkgs),
    });
  }
  const filled = history.finish();
  // The exporter dates the image by its last history entry (mobyexporter patchImageConfig).
  const created = filled[filled.length - 1]?.created ?? base.created;
  const rootfs = layers.map((l) => l.diffId);
  const id = `sha256:${sha256Hex(JSON.stringify({ architecture: 'amd64', config, created, os: 'linux', rootfs: { type: 'layers', diff_ids: rootfs } }))}`;
  const entry: CatalogueImage = {
    repo: '',
    tags: [],
    id,
    digest: '',
    created,
    comment: 'buildkit.dockerfile.v0',
    size: base.size + layers.slice(base.layers.length).reduce((n, l) => n + l.size, 0),
    layers,
    config,
    history: filled,
    tools: [...st.tools],
    flavour: base.flavour,
    files: st.files,
  };
  const names = req.tags.map((t) => familiarString(withDefaultTag(parseImageRef(t))));
  d.images.addImage(entry, names);
  return { vertexes, imageId: id };
}
