// Mirrors distribution/reference (normalize.go, reference.go) as moby v28.2.2 uses it: image names
// are normalized to docker.io/library/NAME:TAG and shown in their familiar form (alpine:latest).
// Simplified: no registry hosts other than docker.io, no uppercase or length diagnostics beyond the basics.

import { invalidParameter } from '../errdefs.ts';

/** ImageRef is a parsed image reference: familiar repository, tag and/or digest. */
export interface ImageRef {
  /** repo is the familiar repository ("alpine", "nicolaka/netshoot"). */
  repo: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/** isImageIdLike tells whether s is a full image ID (64 hex, optionally sha256:-prefixed). */
export const isImageIdLike = (s: string): boolean => /^(sha256:)?[a-f0-9]{64}$/.test(s);

/** parseImageRef is reference.ParseNormalizedNamed; it throws `invalid reference format` like moby. */
export function parseImageRef(s: string): ImageRef {
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw invalidParameter('invalid reference format');
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw invalidParameter('invalid reference format');
  }
  let parts = rest.split('/');
  if (parts.length > 1 && (parts[0] === 'docker.io' || parts[0] === 'index.docker.io'))
    parts = parts.slice(1);
  if (parts.length > 1 && parts[0] === 'library') parts = parts.slice(1);
  if (parts.length === 0 || parts.some((p) => p === '')) throw invalidParameter('invalid reference format');
  // A registry host ("localhost:5000", "registry.example.com") stays in the familiar name.
  const domain = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]) ? parts[0] : undefined;
  if (domain) {
    const path = parts.slice(1);
    if (!path.every((p) => COMPONENT.test(p))) throw invalidParameter('invalid reference format');
    return { repo: [domain, ...path].join('/'), tag, digest };
  }
  if (parts.some((p) => p.toLowerCase() !== p)) {
    throw invalidParameter(
      `invalid reference format: repository name (${parts.length === 1 ? `library/${parts[0]}` : parts.join('/')}) must be lowercase`,
    );
  }
  if (!parts.every((p) => COMPONENT.test(p))) throw invalidParameter('invalid reference format');
  return { repo: parts.join('/'), tag, digest };
}

/** withDefaultTag is reference.TagNameOnly: a reference without tag or digest gets `latest`. */
export function withDefaultTag(ref: ImageRef): ImageRef {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}

/** familiarString renders a reference the way Docker prints it (alpine:latest, alpine@sha256:…). */
export function familiarString(ref: ImageRef): string {
  return `${ref.repo}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** registryPath is reference.Path: the repository path on Docker Hub (library/alpine). */
export const registryPath = (repo: string): string => (repo.includes('/') ? repo : `library/${repo}`);
