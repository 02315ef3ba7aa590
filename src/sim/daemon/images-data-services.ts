// Mirrors Docker Hub's official httpd, redis and postgres images (Dockerfile ENTRYPOINT, CMD, ENV, EXPOSE,
// WORKDIR, STOPSIGNAL); simplified: fixed IDs and digests. Same rules as images-data.ts.

import { GNU_CORE } from './image-tools.ts';
import { type CatalogueImage, DEBIAN_FILES, L, P80, PATH } from './images-data.ts';

/** SERVICE_IMAGES are the catalogue's web, cache and database servers. */
export const SERVICE_IMAGES: readonly CatalogueImage[] = [
  {
    repo: 'httpd',
    tags: ['latest', '2', '2.4', '2.4.64', 'bookworm'],
    id: 'sha256:5c7d7d2ae5b87d767a76f95adbff7c43f32d2a53366a32495d8c0dc4b5eb391a',
    digest: 'sha256:e245fe0706684d8d891ad95e894a2659cdd39606e725a2ad8e22749ab2897fca',
    created: '2025-07-10T18:21:05Z',
    comment: 'buildkit.dockerfile.v0',
    size: 148105236,
    layers: [
      L(
        'e6e1ad2197d6479ea01fb4527e7f709f3cb0e04a58c8b60c5f156107d349e52a',
        '2fc8b9900e287932abe43b820b467b3d107d4158ba1c5a97355cd95dc1842159',
        28228032,
      ),
      L(
        'a4b8640fd81683f7ab34699c18091bf22668be2c2cff28cd72c559daee31f9b3',
        'abb1fede1c590ec7dd90d51eef4107c6a46897248b7e865b70f10e8878dda4e2',
        145,
      ),
      L(
        'f191c5256027d6c6a80f9454d32ceaae00d96b227b25a04e0c666111394b8021',
        'cbd744f9492670198de0bc9ed1ab2b87ab09334c74e4856a1dafd58c054158c8',
        4075320,
      ),
      L(
        '498b71ba79a6d4ce12a02b5cf20c5dd13fe05fd9bf516afab1a370111ff8f69f',
        '6b6bd22edb72736bf121fc3b5b81f73cf1ad348f7650fe4bc054bc0a4ee4d2d1',
        26354311,
      ),
      L(
        '64bb4aaf01e1a02b358bce5d56bec504b47c6f1144f681296db38ca82a04cb64',
        '99e8811339ddf5ce267be4563cdb263a54d96656e9096b6054074e360645741d',
        295,
      ),
    ],
    config: {
      ExposedPorts: P80,
      Env: [
        'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'HTTPD_PREFIX=/usr/local/apache2',
        'HTTPD_VERSION=2.4.64',
        'HTTPD_SHA256=120a35bbb3d2d7f0ac66dfd1fa0f2b2b5ae0ea9b6adab6e8e3e1ba2da0f3b3d9',
        'HTTPD_PATCHES=',
      ],
      Cmd: ['httpd-foreground'],
      WorkingDir: '/usr/local/apache2',
      StopSignal: 'SIGWINCH',
    },
    tools: [...GNU_CORE, 'httpd', 'httpd-foreground', 'apachectl'],
    flavour: 'gnu',
    files: {
      ...DEBIAN_FILES,
      '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n',
    },
  },
  {
    repo: 'redis',
    tags: ['latest', '8', '8.0', '8.0.3', 'bookworm'],
    id: 'sha256:9ba17179c1d227004c00266ff84284f63523d729097d0d2541341624017402a3',
    digest: 'sha256:5a5ea4035b5e86961d799684b9efab5af3b1ac0f06d1d3d149c3fe1696fdca22',
    created: '2025-07-07T12:14:40Z',
    comment: 'buildkit.dockerfile.v0',
    size: 137214512,
    layers: [
      L(
        '593ff7c6aa54a8e391e760daec480442f71277ad25d92bf637751176c4ca8fa6',
        '4b0105f507fe816002acdea864ef0049c3ddbbab323d62cef7e8b76137125662',
        28228032,
      ),
      L(
        'c142d736b689538de56493beed9a5ea79fb34ee3c7d319f8dd3616f5961aa90c',
        'ec95a8ce97a0539a981b5f450ace02bd8e1dd44e8d946f99b9c9ea9a61e7a629',
        1097,
      ),
      L(
        'dd265d91001e9d89de71e1ab291b871e60787be1b78a1be85dfaeaf93813a265',
        'eab8ee558ec0105dcbbf722aac86c9e91bc84e6ac7f922fd34a5585c4df12c04',
        877612,
      ),
      L(
        'f78abb0bf7b92eae8077e809dd5c68cc296c29970ce16af3648ed63775605591',
        '8d646a9ec3a41e8edb1ab203a03eb3bdb941360993c02a3ecd3499880c2fc6a1',
        33105118,
      ),
      L(
        'e4bd32bbb3c5256c0467afdd6b51b54d9031d378c0741029d7624c88d275b905',
        '47c4ef2bbbec8ffb0e1cbe3680d7a7fdeaa82f762257022656654dea1c4c1a96',
        94,
      ),
      L(
        '44e25f6aab3c7c9478e15a325412c1aca86c0c81c29b0f27a128aaaab37ca55e',
        'ed1ae84d19aaa8378f227881b07bba33629057fb8ba6f7ab4e6c13128c21befe',
        2015,
      ),
    ],
    config: {
      ExposedPorts: { '6379/tcp': {} },
      Env: [PATH],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['redis-server'],
      Volumes: { '/data': {} },
      WorkingDir: '/data',
    },
    tools: [...GNU_CORE, 'redis-server', 'redis-cli', 'docker-entrypoint.sh', 'gosu'],
    flavour: 'gnu',
    files: DEBIAN_FILES,
  },
  {
    repo: 'postgres',
    tags: ['latest', '17', '17.5', 'bookworm'],
    id: 'sha256:3a53fa9f104ce383b58037248d3ace6da53f96efe8b27c048ec9174dcd4ec8b0',
    digest: 'sha256:0011cec374392c73bd9c21ba83e9a70941809b34d089c6d230a9d3a183d48ce3',
    created: '2025-07-01T19:55:20Z',
    comment: 'buildkit.dockerfile.v0',
    size: 438312471,
    layers: [
      L(
        '8f05502b69816d0076184655fee445ae3df69c3968f29160e553d042202975b5',
        'dd6a179294f32bd43f33ddf6498e8da7db904cf6abd58ec3842764d4549d71a6',
        28228032,
      ),
      L(
        '4d2620d7e4b38198131dbb97411b5ae210823809a32f8c6870ef14708046f2a6',
        '5ace2bb84139000dd7daea3f070252925567e16745eb141e19b8656b4c8b88d7',
        1087,
      ),
      L(
        'cd7822647707396f55a137bedff122d4d5e74932c350a8dd3d947c89dcb72bd9',
        '6bef8a222d56055b3eb120046f89479c509e639a5eaa07bb26e800a6340aee60',
        4532812,
      ),
      L(
        '5640003fec88fbfcd5bc5db37d028062a64ddf69a357328a7d189676d87bd109',
        'e918007023cc050768cb34032847e05137a7b796176616862576aff6d4a5ad2c',
        1448,
      ),
      L(
        '0b3bb450531b294971143365f2cf348e901934f46a5b256c45006750ec33bcab',
        '88b9a8bcaa0ab164fbac246eaa4709ada3284be5ca8ecbfd52bdb24bd8833d8c',
        8066212,
      ),
      L(
        '7caea8957e27d02e862efe6e332fa1e6cd32d44a0c2585ba958870de6b955b2d',
        'ecf75d82e0263ab11c694a7817ffbb55cbfc65a5710266269dd5d292ac949235',
        1240034,
      ),
      L(
        '146ec120a9970dd32088ff906a778a72fe0fc9b2d195534ab24eddb454e0bc6b',
        '42cb443135dde92e68497080270e275069cbdade7498fb8cd2113c1b10c4ed17',
        116,
      ),
      L(
        'cf7daddbee3ef4a36efd1858ee71d4fc4b695b281d3ca574146a2e2470d4da9a',
        'dbdc1e90b050566c4948f1d35faacbbf5d3e47339a8dafbd1212946a7dfca14d',
        3136,
      ),
      L(
        '24af18ca5455efc72f8962723e4af7584fa9eb5f43e6b793c93486454915c188',
        'cae9ea8faf85888308dbf6d2e69602fbee44c0512d294347814622e19752666f',
        110241632,
      ),
      L(
        'f5c69a1ee61c97cf68fb9cadd62ab507d5865605562c31173f011b933384df4b',
        '6e571dd56a1751669762eea91c959eb7395901084009dee98d6245426d8b6e0e',
        9575,
      ),
      L(
        '76b8814781151c2debfed25f86898c5e0b1e13558dac129e4a3d8d6729e138da',
        '6477ebebbbf8cea05d0df83a93d17a6a9497a677afc639936297311efee4402d',
        129,
      ),
      L(
        '171f57a340cd67f24c4bcd24d37b5d3871c3cac8aad238ee22b34f01b636846a',
        'f7ab2644f2c0daf95ae26d154baf782b7e09da2b9b8a7bbd434edfdca1def5f3',
        170,
      ),
      L(
        '7d9a19ca4c947f2ded2d4d84f3a18cd4e7e8890b791f329e96bbf89f7c0c79dd',
        'f62b9e5a30a4e8ce65d856d1b0a7060652db690ab94fcdc6c61e3b73a3d55a3d',
        5927,
      ),
      L(
        'c26a55479473dc55a8b84535a5175e99844647244a07124d8f49f74dc8046869',
        'e641f45bed6090f8d8f741d1b5fa92f7048e35b57f41d61ec5d46158a4b3cc2d',
        185,
      ),
    ],
    config: {
      ExposedPorts: { '5432/tcp': {} },
      Env: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin',
        'GOSU_VERSION=1.17',
        'LANG=en_US.utf8',
        'PG_MAJOR=17',
        'PG_VERSION=17.5-1.pgdg120+1',
        'PGDATA=/var/lib/postgresql/data',
      ],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['postgres'],
      Volumes: { '/var/lib/postgresql/data': {} },
      StopSignal: 'SIGINT',
    },
    tools: [...GNU_CORE, 'postgres', 'psql', 'pg_ctl', 'initdb', 'docker-entrypoint.sh', 'gosu'],
    flavour: 'gnu',
    files: DEBIAN_FILES,
  },
];
