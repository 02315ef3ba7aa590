// Mirrors moby/moby api/types/container/hostconfig.go + hostconfig_unix.go (NetworkMode methods) and
// daemon/network/network_mode.go (IsPredefined), v28.2.2.

/** isPredefinedNetwork tells whether name is one of default, bridge, host, none. */
export const isPredefinedNetwork = (name: string): boolean =>
  ['default', 'bridge', 'host', 'none'].includes(name);

/** NetworkMode wraps HostConfig.NetworkMode ("bridge", "host", "none", "container:x", "mynet"). */
export class NetworkMode {
  readonly mode: string;

  constructor(mode: string) {
    this.mode = mode;
  }

  /** isDefault is mode "default". */
  isDefault(): boolean {
    return this.mode === 'default';
  }

  /** isBridge is mode "bridge". */
  isBridge(): boolean {
    return this.mode === 'bridge';
  }

  /** isHost is mode "host". */
  isHost(): boolean {
    return this.mode === 'host';
  }

  /** isNone is mode "none". */
  isNone(): boolean {
    return this.mode === 'none';
  }

  /** isContainer is mode "container:<name|id>". */
  isContainer(): boolean {
    return this.mode.startsWith('container:');
  }

  /** connectedContainer is the name or ID after "container:". */
  connectedContainer(): string {
    return this.isContainer() ? this.mode.slice('container:'.length) : '';
  }

  /** isPrivate is "has its own network stack": not host, not another container's. */
  isPrivate(): boolean {
    return !(this.isHost() || this.isContainer());
  }

  /** isUserDefined is a network chosen by name, not one of the predefined modes. */
  isUserDefined(): boolean {
    return !this.isDefault() && !this.isBridge() && !this.isHost() && !this.isNone() && !this.isContainer();
  }

  /** networkName is the network this mode attaches to ("container" for container:x). */
  networkName(): string {
    if (this.isContainer()) return 'container';
    return this.mode;
  }
}

/** netMode is shorthand for new NetworkMode(mode). */
export const netMode = (mode: string): NetworkMode => new NetworkMode(mode);
