// The offline image catalogue: what Docker Hub would serve for the images the course uses. Configs
// follow the official images' Dockerfiles (ENTRYPOINT, CMD, ENV, EXPOSE, WORKDIR, STOPSIGNAL);
// IDs, digests and layers are fixed, real-looking values. Mirrors nothing in moby: it is the registry.

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
  /** layers are the compressed blobs (pull progress IDs) and their uncompressed diff IDs. */
  layers: Array<{ blob: string; diffId: string; size: number }>;
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

/** PATH is the default PATH entry of most images' Env. */
export const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** L builds one layer entry. */
export const L = (blob: string, diffId: string, size: number) => ({ blob: `sha256:${blob}`, diffId: `sha256:${diffId}`, size });

/** ALPINE_OS is alpine 3.22.1's /etc/os-release. */
export const ALPINE_OS = `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.1\nPRETTY_NAME="Alpine Linux v3.22"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`;
/** DEBIAN_OS is debian 12's /etc/os-release. */
export const DEBIAN_OS = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;
const ALPINE_FILES = { '/etc/os-release': ALPINE_OS, '/etc/alpine-release': '3.22.1\n' };
const DEBIAN_FILES = { '/etc/os-release': DEBIAN_OS, '/etc/debian_version': '12.11\n' };
const NGINX_INDEX = `<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at\n<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n`;
const NGINX_LABELS = { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' };
const P80 = { '80/tcp': {} };

/** SERVER_IMAGES are the catalogue's base and server images (the rest is in images-data-tools.ts). */
export const SERVER_IMAGES: readonly CatalogueImage[] = [
  {
    repo: 'alpine', tags: ['latest', '3', '3.22', '3.22.1'],
    id: 'sha256:fe42545217a406e81da675f9d52a253293c5e8a78769b169441cb787d1edc1f9',
    digest: 'sha256:2e5dccf8c54cffd5f30eb2a02f4c5e61ae36a8decda336b7c7dd1c7927618cea',
    created: '2025-07-15T11:01:16Z', comment: 'buildkit.dockerfile.v0', size: 8309111,
    layers: [L('938df931e36f89dac23d62b1181f0a97c224b69e90e625dcb80c35d10b158500', '95252f7eb113eb3421355c6dc28da9a983d8628b3633098f613a4c2692e3f50f', 3799552)],
    config: { Env: [PATH], Cmd: ['/bin/sh'], WorkingDir: '/' },
    tools: BUSYBOX_APPLETS, flavour: 'busybox', files: ALPINE_FILES,
  },
  {
    repo: 'busybox', tags: ['latest', '1', '1.37', '1.37.0', 'stable'],
    id: 'sha256:79f05b831f4494dee1a78fe36fe93e847eeb1dc9917753bf80fce5824eb4a819',
    digest: 'sha256:1029367a60fed2cd50e68113351e113e611b7f7045b1fca26f747fb087f5a2de',
    created: '2024-09-26T21:31:42Z', comment: '', size: 4277910,
    layers: [L('0423dd744a092fcd9cc91a552738c73b86301fdc46065817e96ced8132ced562', '6596273ede3b3872fd3c513df47b3d36156d86d9cd71df5b8b4fcf8f84ae0414', 2154286)],
    config: { Env: [PATH], Cmd: ['sh'] },
    tools: BUSYBOX_APPLETS, flavour: 'busybox', files: {},
  },
  {
    repo: 'nginx', tags: ['latest', '1', '1.29', '1.29.0', 'mainline', 'bookworm'],
    id: 'sha256:2fa0aaa8024dc3c9c63d8beca12ff058b52810788833238b48b8e9d66c35cd8a',
    digest: 'sha256:e9a901705530a716b51c1a52cb4917853bf4c9c07a7aca75ffcb0c700c4a5bf0',
    created: '2025-06-24T18:08:42Z', comment: 'buildkit.dockerfile.v0', size: 192436547,
    layers: [
      L('2398b98401fd8ad480e23454de3172ad32b5dafdaa0a712365c64c65b28b74f0', '9a7fb8aa4d9aef18d4ddede73623cc16ba448207bcd727f9d9c86dfa818e6cf2', 28228032),
      L('e31e79a19b93d74cde8142e9bcb76ae803059765d4085a2c589c4e49f97d4165', '0b3f311f9aa0f6a4e93f24d75a75a1d8a5ed52411f52358e032a69aff956369f', 43981316),
      L('cff7580579826706782de0f0677f128e335b50097e3230c5bb98d0d5db0f35ac', '1513526280436c2fbf34efa8f4493503788fa1ccd312d84fe6a48d109c1ab4c6', 628),
      L('3c78b8d0a4f5fea81e62e470273a43d79c008f152f940d9995a1956279a105e0', '484afe8f4b8b8503acd082fc357b0b823081159024a8f84d264c855d62b0cd8f', 955),
      L('29dfe5c08a3f36d9b0283a34fff2ccf72ac5a359809f35834a16a942719fead9', '422d302a8e8a09b556d3fb3dc99a7218ed87a28de7084e37627e271e0d2a8418', 405),
      L('fc71753837ebeb10e32e95cc2ddd4dd38ed58e891d72d72a199ceb71a5ffb923', '0dd650b98e79dd87f87d6308030b108200060fbcee0826bb5a8980606588e3bf', 1210),
      L('f4f3bd81018f423d8b46a72e2b9a02e7b2dc3015745683badaeb54ca934c5bd4', 'ba8abfed8a8282b7ccc49f0956cc67136ca923570c8186034347de2f7927eb79', 1400),
    ],
    config: {
      ExposedPorts: P80,
      Env: [PATH, 'NGINX_VERSION=1.29.0', 'NJS_VERSION=0.9.0', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'],
      Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], Labels: NGINX_LABELS, StopSignal: 'SIGQUIT',
    },
    tools: [...GNU_CORE, 'nginx', 'docker-entrypoint.sh'], flavour: 'gnu',
    files: { ...DEBIAN_FILES, '/usr/share/nginx/html/index.html': NGINX_INDEX },
  },
  {
    repo: 'nginx', tags: ['alpine', '1-alpine', '1.29-alpine', '1.29.0-alpine', 'mainline-alpine'],
    id: 'sha256:e120ddbf1e2be401048f0d7275199ebc94c76c23f818e32308690c8fb881c8a7',
    digest: 'sha256:1529772c89ea36da485fa6ac2504598caf9d506a6e3f90a79b6fd540e7c65f2b',
    created: '2025-06-24T18:09:51Z', comment: 'buildkit.dockerfile.v0', size: 52549031,
    layers: [
      L('012a58f45d310c01b53146355b92cef162826060b15047ec13ef660a0cfe91a5', '31264002f5ac8e70ca227bcce8c44eadfce23184285a210f486630dec4da64dd', 3799552),
      L('bf9ba11d2da8cedcb76e47a0e84446f5cd4d691b845973af08da4488dd5a2dd2', '04ea5a4ab623e4859303fb3a4baf7e218924d1462c94886582c3fb213f0d781e', 1811064),
      L('93c1f42baee3859b7578e11237c0acb2ecb34251d31e1f7824f68a6ac27c5df9', '3d9631871dd672f5d17e6b2dc0ba721bc4fa594c0331a638314cc68edde8ebbe', 628),
      L('88cef7d87f6edc8bf1d22505b619ea3bfd7461bad07c219c34a5120f85905f61', '7efd6438d9b4fee885611b6e7c8cbc332f6d22c8598b6b42d85edf2dbd81192a', 955),
      L('7e032830e3d1426f4e9336f7dbad51954c73c4a78bde278e1869243b4c15e372', 'e4c8bf99b80691278c4a1679e835796c1747a396fae5204892e3c81567fa15d1', 405),
      L('3cc2e6205b6fba0d323b5c5a53cedebc18ef4aefdf7a5ab99906f79a2289db98', '1f3bd57bd2ee5869a13d2090d18ec49fd3de9623c964b8e39829885900588512', 1210),
      L('8fa3500930cdc70e1a3abb348762e4ab0ce210bc2039a924d7dd538a1173c789', 'fb108cc8887db5cbb6f672375591f220e3817daa7d62af5f1110fec8ecf61f6c', 1400),
      L('406e53a4ed76629a18d1bc84c88bd08268526a15491e610796a656da19923b6e', '7c69eabf564dcf5b690d20bd2f9cc8dd8feb93e062231b3574473886e2b9145f', 15493710),
    ],
    config: {
      ExposedPorts: P80,
      Env: [PATH, 'NGINX_VERSION=1.29.0', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.9.0', 'NJS_RELEASE=1'],
      Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], Labels: NGINX_LABELS, StopSignal: 'SIGQUIT',
    },
    tools: [...BUSYBOX_APPLETS, 'curl', 'nginx', 'docker-entrypoint.sh'], flavour: 'busybox',
    files: { ...ALPINE_FILES, '/usr/share/nginx/html/index.html': NGINX_INDEX },
  },
  {
    repo: 'httpd', tags: ['latest', '2', '2.4', '2.4.64', 'bookworm'],
    id: 'sha256:5c7d7d2ae5b87d767a76f95adbff7c43f32d2a53366a32495d8c0dc4b5eb391a',
    digest: 'sha256:e245fe0706684d8d891ad95e894a2659cdd39606e725a2ad8e22749ab2897fca',
    created: '2025-07-10T18:21:05Z', comment: 'buildkit.dockerfile.v0', size: 148105236,
    layers: [
      L('e6e1ad2197d6479ea01fb4527e7f709f3cb0e04a58c8b60c5f156107d349e52a', '2fc8b9900e287932abe43b820b467b3d107d4158ba1c5a97355cd95dc1842159', 28228032),
      L('a4b8640fd81683f7ab34699c18091bf22668be2c2cff28cd72c559daee31f9b3', 'abb1fede1c590ec7dd90d51eef4107c6a46897248b7e865b70f10e8878dda4e2', 145),
      L('f191c5256027d6c6a80f9454d32ceaae00d96b227b25a04e0c666111394b8021', 'cbd744f9492670198de0bc9ed1ab2b87ab09334c74e4856a1dafd58c054158c8', 4075320),
      L('498b71ba79a6d4ce12a02b5cf20c5dd13fe05fd9bf516afab1a370111ff8f69f', '6b6bd22edb72736bf121fc3b5b81f73cf1ad348f7650fe4bc054bc0a4ee4d2d1', 26354311),
      L('64bb4aaf01e1a02b358bce5d56bec504b47c6f1144f681296db38ca82a04cb64', '99e8811339ddf5ce267be4563cdb263a54d96656e9096b6054074e360645741d', 295),
    ],
    config: {
      ExposedPorts: P80,
      Env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.64', 'HTTPD_SHA256=120a35bbb3d2d7f0ac66dfd1fa0f2b2b5ae0ea9b6adab6e8e3e1ba2da0f3b3d9', 'HTTPD_PATCHES='],
      Cmd: ['httpd-foreground'], WorkingDir: '/usr/local/apache2', StopSignal: 'SIGWINCH',
    },
    tools: [...GNU_CORE, 'httpd', 'httpd-foreground', 'apachectl'], flavour: 'gnu',
    files: { ...DEBIAN_FILES, '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' },
  },
  {
    repo: 'redis', tags: ['latest', '8', '8.0', '8.0.3', 'bookworm'],
    id: 'sha256:9ba17179c1d227004c00266ff84284f63523d729097d0d2541341624017402a3',
    digest: 'sha256:5a5ea4035b5e86961d799684b9efab5af3b1ac0f06d1d3d149c3fe1696fdca22',
    created: '2025-07-07T12:14:40Z', comment: 'buildkit.dockerfile.v0', size: 137214512,
    layers: [
      L('593ff7c6aa54a8e391e760daec480442f71277ad25d92bf637751176c4ca8fa6', '4b0105f507fe816002acdea864ef0049c3ddbbab323d62cef7e8b76137125662', 28228032),
      L('c142d736b689538de56493beed9a5ea79fb34ee3c7d319f8dd3616f5961aa90c', 'ec95a8ce97a0539a981b5f450ace02bd8e1dd44e8d946f99b9c9ea9a61e7a629', 1097),
      L('dd265d91001e9d89de71e1ab291b871e60787be1b78a1be85dfaeaf93813a265', 'eab8ee558ec0105dcbbf722aac86c9e91bc84e6ac7f922fd34a5585c4df12c04', 877612),
      L('f78abb0bf7b92eae8077e809dd5c68cc296c29970ce16af3648ed63775605591', '8d646a9ec3a41e8edb1ab203a03eb3bdb941360993c02a3ecd3499880c2fc6a1', 33105118),
      L('e4bd32bbb3c5256c0467afdd6b51b54d9031d378c0741029d7624c88d275b905', '47c4ef2bbbec8ffb0e1cbe3680d7a7fdeaa82f762257022656654dea1c4c1a96', 94),
      L('44e25f6aab3c7c9478e15a325412c1aca86c0c81c29b0f27a128aaaab37ca55e', 'ed1ae84d19aaa8378f227881b07bba33629057fb8ba6f7ab4e6c13128c21befe', 2015),
    ],
    config: {
      ExposedPorts: { '6379/tcp': {} }, Env: [PATH], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'],
      Volumes: { '/data': {} }, WorkingDir: '/data',
    },
    tools: [...GNU_CORE, 'redis-server', 'redis-cli', 'docker-entrypoint.sh', 'gosu'], flavour: 'gnu', files: DEBIAN_FILES,
  },
  {
    repo: 'postgres', tags: ['latest', '17', '17.5', 'bookworm'],
    id: 'sha256:3a53fa9f104ce383b58037248d3ace6da53f96efe8b27c048ec9174dcd4ec8b0',
    digest: 'sha256:0011cec374392c73bd9c21ba83e9a70941809b34d089c6d230a9d3a183d48ce3',
    created: '2025-07-01T19:55:20Z', comment: 'buildkit.dockerfile.v0', size: 438312471,
    layers: [
      L('8f05502b69816d0076184655fee445ae3df69c3968f29160e553d042202975b5', 'dd6a179294f32bd43f33ddf6498e8da7db904cf6abd58ec3842764d4549d71a6', 28228032),
      L('4d2620d7e4b38198131dbb97411b5ae210823809a32f8c6870ef14708046f2a6', '5ace2bb84139000dd7daea3f070252925567e16745eb141e19b8656b4c8b88d7', 1087),
      L('cd7822647707396f55a137bedff122d4d5e74932c350a8dd3d947c89dcb72bd9', '6bef8a222d56055b3eb120046f89479c509e639a5eaa07bb26e800a6340aee60', 4532812),
      L('5640003fec88fbfcd5bc5db37d028062a64ddf69a357328a7d189676d87bd109', 'e918007023cc050768cb34032847e05137a7b796176616862576aff6d4a5ad2c', 1448),
      L('0b3bb450531b294971143365f2cf348e901934f46a5b256c45006750ec33bcab', '88b9a8bcaa0ab164fbac246eaa4709ada3284be5ca8ecbfd52bdb24bd8833d8c', 8066212),
      L('7caea8957e27d02e862efe6e332fa1e6cd32d44a0c2585ba958870de6b955b2d', 'ecf75d82e0263ab11c694a7817ffbb55cbfc65a5710266269dd5d292ac949235', 1240034),
      L('146ec120a9970dd32088ff906a778a72fe0fc9b2d195534ab24eddb454e0bc6b', '42cb443135dde92e68497080270e275069cbdade7498fb8cd2113c1b10c4ed17', 116),
      L('cf7daddbee3ef4a36efd1858ee71d4fc4b695b281d3ca574146a2e2470d4da9a', 'dbdc1e90b050566c4948f1d35faacbbf5d3e47339a8dafbd1212946a7dfca14d', 3136),
      L('24af18ca5455efc72f8962723e4af7584fa9eb5f43e6b793c93486454915c188', 'cae9ea8faf85888308dbf6d2e69602fbee44c0512d294347814622e19752666f', 110241632),
      L('f5c69a1ee61c97cf68fb9cadd62ab507d5865605562c31173f011b933384df4b', '6e571dd56a1751669762eea91c959eb7395901084009dee98d6245426d8b6e0e', 9575),
      L('76b8814781151c2debfed25f86898c5e0b1e13558dac129e4a3d8d6729e138da', '6477ebebbbf8cea05d0df83a93d17a6a9497a677afc639936297311efee4402d', 129),
      L('171f57a340cd67f24c4bcd24d37b5d3871c3cac8aad238ee22b34f01b636846a', 'f7ab2644f2c0daf95ae26d154baf782b7e09da2b9b8a7bbd434edfdca1def5f3', 170),
      L('7d9a19ca4c947f2ded2d4d84f3a18cd4e7e8890b791f329e96bbf89f7c0c79dd', 'f62b9e5a30a4e8ce65d856d1b0a7060652db690ab94fcdc6c61e3b73a3d55a3d', 5927),
      L('c26a55479473dc55a8b84535a5175e99844647244a07124d8f49f74dc8046869', 'e641f45bed6090f8d8f741d1b5fa92f7048e35b57f41d61ec5d46158a4b3cc2d', 185),
    ],
    config: {
      ExposedPorts: { '5432/tcp': {} },
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin', 'GOSU_VERSION=1.17', 'LANG=en_US.utf8', 'PG_MAJOR=17', 'PG_VERSION=17.5-1.pgdg120+1', 'PGDATA=/var/lib/postgresql/data'],
      Entrypoint: ['docker-entrypoint.sh'], Cmd: ['postgres'], Volumes: { '/var/lib/postgresql/data': {} }, StopSignal: 'SIGINT',
    },
    tools: [...GNU_CORE, 'postgres', 'psql', 'pg_ctl', 'initdb', 'docker-entrypoint.sh', 'gosu'], flavour: 'gnu', files: DEBIAN_FILES,
  },
];
