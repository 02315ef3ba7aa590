// Mirrors Docker Hub's official alpine, busybox and nginx images; simplified: fixed
// IDs and digests. The offline image catalogue: what Docker Hub would serve for the images the course uses. Configs
// follow the official images' Dockerfiles (ENTRYPOINT, CMD, ENV, EXPOSE, WORKDIR, STOPSIGNAL);
// IDs, digests and layers are fixed, real-looking values.

import { BUSYBOX_APPLETS, GNU_CORE } from './image-tools.ts';

/** CatalogueImage is one image as the registry knows it. */
export interface CatalogueImage {
  /** repo is the familiar repository name ("alpine", "nicolaka/netshoot"). */
  repo: string;
  /** tags are every tag that points at this image. */
  tags: string[];
  /** id is the config digest, i.e. the image ID. */
  id: string;
  /** digest is the manifest-list digest shown in RepoDigests and `Digest:`. */
  digest: string;
  created: string;
  comment: string;
  size: number;
  /**
   * layers are the compressed blobs (pull progress IDs) and their uncompressed diff IDs; diffSize
   * is the unpacked size when known (built layers), see image-history.ts layerDiffSizes.
   */
  layers: Array<{ blob: string; diffId: string; size: number; diffSize?: number }>;
  /** history is the image config's history (OCI History), oldest first, when the catalogue has it. */
  history?: HistoryEntry[];
  config: {
    User?: string;
    ExposedPorts?: Record<string, Record<string, never>>;
    Env?: string[];
    Entrypoint?: string[];
    Cmd?: string[];
    Volumes?: Record<string, Record<string, never>>;
    WorkingDir?: string;
    Labels?: Record<string, string>;
    StopSignal?: string;
  };
  tools: readonly string[];
  flavour: 'busybox' | 'gnu';
  /** files seed the image's root file system. */
  files: Record<string, string>;
}

/** HistoryEntry is one entry of an image config's history (ocispec.History, JSON names). */
export interface HistoryEntry {
  created?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** PATH is the default PATH entry of most images' Env. */
export const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** L builds one layer entry. */
export const L = (blob: string, diffId: string, size: number) => ({
  blob: `sha256:${blob}`,
  diffId: `sha256:${diffId}`,
  size,
});

/** ALPINE_OS is alpine 3.22.1's /etc/os-release. */
export const ALPINE_OS = `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.1\nPRETTY_NAME="Alpine Linux v3.22"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`;
/** DEBIAN_OS is debian 12's /etc/os-release. */
export const DEBIAN_OS = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;
const ALPINE_FILES = { '/etc/os-release': ALPINE_OS, '/etc/alpine-release': '3.22.1\n' };
/** DEBIAN_FILES seeds a debian-based image's /etc. */
export const DEBIAN_FILES = { '/etc/os-release': DEBIAN_OS, '/etc/debian_version': '12.11\n' };
const NGINX_INDEX = `<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at\n<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n`;
const NGINX_LABELS = { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' };
/** P80 is ExposedPorts {"80/tcp": {}}. */
export const P80 = { '80/tcp': {} };

/** BASE_IMAGES are alpine, busybox and nginx (servers are in images-data-services.ts, tools in images-data-tools.ts). */
export const BASE_IMAGES: readonly CatalogueImage[] = [
  {
    repo: 'alpine',
    tags: ['latest', '3', '3.22', '3.22.1'],
    id: 'sha256:fe42545217a406e81da675f9d52a253293c5e8a78769b169441cb787d1edc1f9',
    digest: 'sha256:2e5dccf8c54cffd5f30eb2a02f4c5e61ae36a8decda336b7c7dd1c7927618cea',
    created: '2025-07-15T11:01:16Z',
    comment: 'buildkit.dockerfile.v0',
    size: 8309111,
    layers: [
      L(
        '938df931e36f89dac23d62b1181f0a97c224b69e90e625dcb80c35d10b158500',
        '95252f7eb113eb3421355c6dc28da9a983d8628b3633098f613a4c2692e3f50f',
        3799552,
      ),
    ],
    config: { Env: [PATH], Cmd: ['/bin/sh'], WorkingDir: '/' },
    // docker-library/repo-info repos/alpine (3.22.1, amd64): the official Dockerfile's two steps.
    history: [
      {
        created: '2025-07-15T11:01:16Z',
        created_by: 'ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit',
        comment: 'buildkit.dockerfile.v0',
      },
      {
        created: '2025-07-15T11:01:16Z',
        created_by: 'CMD ["/bin/sh"]',
        comment: 'buildkit.dockerfile.v0',
        empty_layer: true,
      },
    ],
    tools: BUSYBOX_APPLETS,
    flavour: 'busybox',
    files: ALPINE_FILES,
  },
  {
    repo: 'busybox',
    tags: ['latest', '1', '1.37', '1.37.0', 'stable'],
    id: 'sha256:79f05b831f4494dee1a78fe36fe93e847eeb1dc9917753bf80fce5824eb4a819',
    digest: 'sha256:1029367a60fed2cd50e68113351e113e611b7f7045b1fca26f747fb087f5a2de',
    created: '2024-09-26T21:31:42Z',
    comment: '',
    size: 4277910,
    layers: [
      L(
        '0423dd744a092fcd9cc91a552738c73b86301fdc46065817e96ced8132ced562',
        '6596273ede3b3872fd3c513df47b3d36156d86d9cd71df5b8b4fcf8f84ae0414',
        2154286,
      ),
    ],
    config: { Env: [PATH], Cmd: ['sh'] },
    // The config docker-library/busybox writes for 1.37.0-glibc: one entry, no CMD entry.
    history: [{ created: '2024-09-26T21:31:42Z', created_by: 'BusyBox 1.37.0 (glibc), Debian 12' }],
    tools: BUSYBOX_APPLETS,
    flavour: 'busybox',
    files: {},
  },
  {
    repo: 'nginx',
    tags: ['latest', '1', '1.29', '1.29.0', 'mainline', 'bookworm'],
    id: 'sha256:2fa0aaa8024dc3c9c63d8beca12ff058b52810788833238b48b8e9d66c35cd8a',
    digest: 'sha256:e9a901705530a716b51c1a52cb4917853bf4c9c07a7aca75ffcb0c700c4a5bf0',
    created: '2025-06-24T18:08:42Z',
    comment: 'buildkit.dockerfile.v0',
    size: 192436547,
    layers: [
      L(
        '2398b98401fd8ad480e23454de3172ad32b5dafdaa0a712365c64c65b28b74f0',
        '9a7fb8aa4d9aef18d4ddede73623cc16ba448207bcd727f9d9c86dfa818e6cf2',
        28228032,
      ),
      L(
        'e31e79a19b93d74cde8142e9bcb76ae803059765d4085a2c589c4e49f97d4165',
        '0b3f311f9aa0f6a4e93f24d75a75a1d8a5ed52411f52358e032a69aff956369f',
        43981316,
      ),
      L(
        'cff7580579826706782de0f0677f128e335b50097e3230c5bb98d0d5db0f35ac',
        '1513526280436c2fbf34efa8f4493503788fa1ccd312d84fe6a48d109c1ab4c6',
        628,
      ),
      L(
        '3c78b8d0a4f5fea81e62e470273a43d79c008f152f940d9995a1956279a105e0',
        '484afe8f4b8b8503acd082fc357b0b823081159024a8f84d264c855d62b0cd8f',
        955,
      ),
      L(
        '29dfe5c08a3f36d9b0283a34fff2ccf72ac5a359809f35834a16a942719fead9',
        '422d302a8e8a09b556d3fb3dc99a7218ed87a28de7084e37627e271e0d2a8418',
        405,
      ),
      L(
        'fc71753837ebeb10e32e95cc2ddd4dd38ed58e891d72d72a199ceb71a5ffb923',
        '0dd650b98e79dd87f87d6308030b108200060fbcee0826bb5a8980606588e3bf',
        1210,
      ),
      L(
        'f4f3bd81018f423d8b46a72e2b9a02e7b2dc3015745683badaeb54ca934c5bd4',
        'ba8abfed8a8282b7ccc49f0956cc67136ca923570c8186034347de2f7927eb79',
        1400,
      ),
    ],
    config: {
      ExposedPorts: P80,
      Env: [
        PATH,
        'NGINX_VERSION=1.29.0',
        'NJS_VERSION=0.9.0',
        'NJS_RELEASE=1~bookworm',
        'PKG_RELEASE=1~bookworm',
        'DYNPKG_RELEASE=1~bookworm',
      ],
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      Labels: NGINX_LABELS,
      StopSignal: 'SIGQUIT',
    },
    tools: [...GNU_CORE, 'nginx', 'docker-entrypoint.sh'],
    flavour: 'gnu',
    files: { ...DEBIAN_FILES, '/usr/share/nginx/html/index.html': NGINX_INDEX },
  },
  {
    repo: 'nginx',
    tags: ['alpine', '1-alpine', '1.29-alpine', '1.29.0-alpine', 'mainline-alpine'],
    id: 'sha256:e120ddbf1e2be401048f0d7275199ebc94c76c23f818e32308690c8fb881c8a7',
    digest: 'sha256:1529772c89ea36da485fa6ac2504598caf9d506a6e3f90a79b6fd540e7c65f2b',
    created: '2025-06-24T18:09:51Z',
    comment: 'buildkit.dockerfile.v0',
    size: 52549031,
    layers: [
      L(
        '012a58f45d310c01b53146355b92cef162826060b15047ec13ef660a0cfe91a5',
        '31264002f5ac8e70ca227bcce8c44eadfce23184285a210f486630dec4da64dd',
        3799552,
      ),
      L(
        'bf9ba11d2da8cedcb76e47a0e84446f5cd4d691b845973af08da4488dd5a2dd2',
        '04ea5a4ab623e4859303fb3a4baf7e218924d1462c94886582c3fb213f0d781e',
        1811064,
      ),
      L(
        '93c1f42baee3859b7578e11237c0acb2ecb34251d31e1f7824f68a6ac27c5df9',
        '3d9631871dd672f5d17e6b2dc0ba721bc4fa594c0331a638314cc68edde8ebbe',
        628,
      ),
      L(
        '88cef7d87f6edc8bf1d22505b619ea3bfd7461bad07c219c34a5120f85905f61',
        '7efd6438d9b4fee885611b6e7c8cbc332f6d22c8598b6b42d85edf2dbd81192a',
        955,
      ),
      L(
        '7e032830e3d1426f4e9336f7dbad51954c73c4a78bde278e1869243b4c15e372',
        'e4c8bf99b80691278c4a1679e835796c1747a396fae5204892e3c81567fa15d1',
        405,
      ),
      L(
        '3cc2e6205b6fba0d323b5c5a53cedebc18ef4aefdf7a5ab99906f79a2289db98',
        '1f3bd57bd2ee5869a13d2090d18ec49fd3de9623c964b8e39829885900588512',
        1210,
      ),
      L(
        '8fa3500930cdc70e1a3abb348762e4ab0ce210bc2039a924d7dd538a1173c789',
        'fb108cc8887db5cbb6f672375591f220e3817daa7d62af5f1110fec8ecf61f6c',
        1400,
      ),
      L(
        '406e53a4ed76629a18d1bc84c88bd08268526a15491e610796a656da19923b6e',
        '7c69eabf564dcf5b690d20bd2f9cc8dd8feb93e062231b3574473886e2b9145f',
        15493710,
      ),
    ],
    config: {
      ExposedPorts: P80,
      Env: [
        PATH,
        'NGINX_VERSION=1.29.0',
        'PKG_RELEASE=1',
        'DYNPKG_RELEASE=1',
        'NJS_VERSION=0.9.0',
        'NJS_RELEASE=1',
      ],
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      Labels: NGINX_LABELS,
      StopSignal: 'SIGQUIT',
    },
    tools: [...BUSYBOX_APPLETS, 'curl', 'nginx', 'docker-entrypoint.sh'],
    flavour: 'busybox',
    files: { ...ALPINE_FILES, '/usr/share/nginx/html/index.html': NGINX_INDEX },
  },
];
