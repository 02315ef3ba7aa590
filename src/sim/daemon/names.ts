// Mirrors moby/moby daemon/names.go, daemon/names/names.go and pkg/namesgenerator (v28.2.2):
// container names are `/adjective_surname` unless given, and must match [a-zA-Z0-9][a-zA-Z0-9_.-]+.
// Simplified: the random source is the daemon's seeded Rng instead of math/rand.

import { conflict, invalidParameter } from '../errdefs.ts';
import type { Rng } from '../world/rng.ts';
import { NAME_ADJECTIVES, NAME_SURNAMES } from './names-data.ts';

/** RESTRICTED_NAME_CHARS is names.RestrictedNameChars, quoted in the invalid-name error. */
export const RESTRICTED_NAME_CHARS = '[a-zA-Z0-9][a-zA-Z0-9_.-]';
const RESTRICTED_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** getRandomName is namesgenerator.GetRandomName: retry > 0 appends a digit. */
export function getRandomName(rng: Rng, retry: number): string {
  for (;;) {
    const name = `${NAME_ADJECTIVES[rng.int(NAME_ADJECTIVES.length)]}_${NAME_SURNAMES[rng.int(NAME_SURNAMES.length)]}`;
    if (name === 'boring_wozniak') continue; // Steve Wozniak is not boring
    return retry > 0 ? `${name}${rng.int(10)}` : name;
  }
}

/** NameRegistry is the daemon's name → container ID index (container.ViewDB names table). */
export class NameRegistry {
  private readonly byName = new Map<string, string>();

  /** lookup returns the container ID that holds name ("/web"). */
  lookup(name: string): string | undefined {
    return this.byName.get(name.startsWith('/') ? name : `/${name}`);
  }

  /** reserve is daemon.reserveName: validate, add the slash, fail on a name in use. */
  reserve(id: string, name: string): string {
    if (!RESTRICTED_NAME_PATTERN.test(name.replace(/^\//, ''))) {
      throw invalidParameter(`Invalid container name (${name}), only ${RESTRICTED_NAME_CHARS} are allowed`);
    }
    const full = name.startsWith('/') ? name : `/${name}`;
    const holder = this.byName.get(full);
    if (holder !== undefined && holder !== id) {
      throw conflict(
        `Conflict. The container name "${full}" is already in use by container "${holder}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
    this.byName.set(full, id);
    return full;
  }

  /** generate is daemon.generateAndReserveName: six tries of a random name, then the short ID. */
  generate(id: string, rng: Rng): string {
    for (let i = 0; i < 6; i++) {
      const name = `/${getRandomName(rng, i)}`;
      if (!this.byName.has(name)) {
        this.byName.set(name, id);
        return name;
      }
    }
    const name = `/${id.slice(0, 12)}`;
    this.byName.set(name, id);
    return name;
  }

  /** release frees a name. */
  release(name: string): void {
    this.byName.delete(name);
  }
}
