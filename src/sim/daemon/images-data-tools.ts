// Mirrors Docker Hub's nicolaka/netshoot, traefik/whoami, python, ubuntu and debian images; simplified: fixed
// IDs and digests. The catalogue's tool and distribution images: nicolaka/netshoot, traefik/whoami, python:3-alpine,
// ubuntu and debian. Same rules as images-data.ts.

import { BUSYBOX_APPLETS, GNU_CORE, NETSHOOT_TOOLS } from './image-tools.ts';
import { ALPINE_OS, type CatalogueImage, DEBIAN_OS, L, PATH } from './images-data.ts';

const UBUNTU_OS = `PRETTY_NAME="Ubuntu 24.04.2 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.2 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n`;

/** TOOL_IMAGES are the catalogue's debugging, demo and distribution images. */
export const TOOL_IMAGES: readonly CatalogueImage[] = [
  {
    repo: 'nicolaka/netshoot',
    tags: ['latest', 'v0.14'],
    id: 'sha256:1ee68189642bc56a52aa143a62d31f08c3afd8c08075b7df7e1fb21ae1ea2dce',
    digest: 'sha256:766a4a3ea2e2d6cc4d577a67ee1f86fe8dd67856137cb09e201ba1833ed6d0fe',
    created: '2025-06-02T16:47:21Z',
    comment: 'buildkit.dockerfile.v0',
    size: 499565731,
    layers: [
      [
        '5a755ed85b36ff827c3e860226e2132c48734e9377b6f014d7834777361db18d',
        'c5ebe73f0e9611a772c936c342b63f34696b68ac98a4169a6118028cd624a1ff',
        3642247,
      ],
      [
        '5f050bd11fb6db1c54c9972fda791e8f9266db7b791f68fc167647499c6728d2',
        '32145482cd59148ee3af61dd6e78f8fe889da03a1453e679dd1dbee1d3964390',
        98134870,
      ],
      [
        '78096992dc583d09606d2c8e337cd5b63fb64278255d46d0c56138502fea2117',
        '1b92b34ba48b3ab37b18e2206147cdc772247d5c21648fc64b91d5db10972fa8',
        2815309,
      ],
      [
        '4b2c494865aaafd2f19f8e0cb959baf4171f54fccd443e453188c9b9772bbeef',
        'dbedacaffc5381a6d430fc713aa6b27f6aa2cae1c5572888facf18e494f0c796',
        5913011,
      ],
      [
        'ac736d2bd9b53196c96c446bf68b3a8d66dee24ab80007384577fd6da2ca226c',
        'ca4f792091ad53d7dd00dd4bbfc17a137ef0f55bbcb2f5b468b80c09ef96cb6d',
        15712354,
      ],
      [
        '5004ef4231180e87cbe48f2ac69e099224411e125e44c7faac1a19d39a7d5abc',
        '83f002f7a0597da2edeed5aa6762d166d60181f1ee34ee2f62fda41c6e1e5e44',
        2064137,
      ],
      [
        'e2dc8f3e237e035ca36b260d72e38165dbda10bb1d1606f7646cae7d2ccdeabb',
        '96df84886fb18fe80bc40543fb266e6e21e722f569db9a2ec4b88e16e38a5dbf',
        13437902,
      ],
      [
        '8d80a074c757bb80d108fa51fbd94d77baf7c68a49b076a08cc54871f157bd04',
        '400192835ef4fb67b02bb7c870575ba78c0e6f694143c126f42433e27ca41da1',
        1148,
      ],
      [
        '85f82efaeb1b21306a9616876491c6ad75a233022a351950357a0123830e90c9',
        'e6d1002397bf706a5e2e1663af49e0e67328e13464770da5defb84e7d4b34f90',
        9154283,
      ],
      [
        'd3a73f7df668e3c28d7fa3d09651126f35ad32968ec5dac19bcc5aff13031d81',
        '1ca19b6d011944d14dd9e68a7368a6d279f64b98e7a3906406c93a2fce807860',
        4386101,
      ],
      [
        '1cdea1c813d1ac80a64cec971abab5e17408f7a32e5de5a08fd653e2793d58c2',
        '05cb03e8e4a56be45a70c3bb997ac6d023bd4d270124afe5c675a8a332b218c9',
        7712031,
      ],
      [
        '9a2ba6596d716ad6883d01566b17a239af8654eb580a2276538f9f85cfccd57d',
        '1ae0815d4ff39e280d34367ba7d1c8db34ff0df9ef7cde9028acd0fa565fa39d',
        11005412,
      ],
      [
        '5c58f53671e2443119a6635814f9ce728da8e6224477ba9d84d9ce69122afee2',
        '3b894261df410060a958fc7f7a51df40d9e39bbd425ec425cdd94919759969fe',
        6420133,
      ],
      [
        'c8bcc44814d475a2204d185f1654470c9b11bb03074fa76181f69e8425d6ac0d',
        '485b6ea26d23f328b008dcb2f7925f2d29947dd454deb6d28b30e4391a3d32a0',
        21876510,
      ],
      [
        '5eb53ce8ba1d280852d9d0870865fd2202cf7d393e44213e4ae9ec580f76d6ce',
        '5ba59dfafb0e04e94961d57f00c3469c24e0aa01a13f4848c4cb6c242bfb18b1',
        3141592,
      ],
      [
        '4128663159da6de616ae7af32acaac0bef60c9cc0da4e69e13e321c8232f33ab',
        'ab0b809ed6fe0f98582c2554908d44a7b0223272ad004adbe138e1a3cf75089f',
        30245,
      ],
      [
        'e853ff704fd7a1780c1990703b57461afb3c685803aa2ab3339c45d474ca2192',
        'b5f99a42757a43d0ec63dfee68f91d2e675ebd67f373233c3cb03f088fd75ce9',
        2711,
      ],
      [
        '26a18677cc8b22c47e26f66d34f691218a1014f1cb9b25c54717655d193b0390',
        'f84ab82f5eebb37a83eb4b9fd606d3b24bc7382b8d73c808287ffbf4b807624d',
        152,
      ],
    ].map(([b, d, s]) => L(b as string, d as string, s as number)),
    config: {
      Env: [PATH],
      Cmd: ['zsh'],
      WorkingDir: '/root',
      Labels: { maintainer: 'Nicola Kabar <nicolaka@gmail.com>' },
    },
    tools: NETSHOOT_TOOLS,
    flavour: 'gnu',
    files: { '/etc/os-release': ALPINE_OS, '/etc/alpine-release': '3.22.1\n' },
  },
  {
    repo: 'traefik/whoami',
    tags: ['latest', 'v1.11', 'v1.11.0'],
    id: 'sha256:94f403236486cd97ad1559771abbdd68ddfaa7ac871cab584466bfd30f592dc1',
    digest: 'sha256:806bc5a69b4a6cb16a3a978edd48e4da19f6206740aaf137b33404f8cc5a76fe',
    created: '2025-03-24T14:02:13Z',
    comment: 'buildkit.dockerfile.v0',
    size: 6901264,
    layers: [
      L(
        'cce321dcaaf285ab321b5f0ee2c8041ad2ac23c78caebf7668e3fd8f5c6e97cf',
        'c6fa3d2bd04ab9010448efd38f8ab67118e6e272f8a8e05902027653f2490169',
        126397,
      ),
      L(
        '9b9a817d801ecceb451d3fd4abd8a4520a887ce3b99337e84acfbeeb87d37e58',
        '02c4d77fbdd7a3097be6ea9121e2b63cab73cb119513984942e8533fcc8f6796',
        3514081,
      ),
      L(
        'f42bd45ed6bb8657f687344489d6e16fff653f7d12ee13b7579b1a2454deed48',
        'd6f279f4ac6ffb8066744272ed336165bd5d7625c6724bb2ee0666b2e8cfd21b',
        32,
      ),
    ],
    config: { ExposedPorts: { '80/tcp': {} }, Env: [PATH], Entrypoint: ['/whoami'] },
    tools: ['whoami'],
    flavour: 'gnu',
    files: {},
  },
  {
    repo: 'python',
    tags: ['3-alpine', 'alpine', '3.13-alpine', '3.13.5-alpine', 'alpine3.22', '3-alpine3.22'],
    id: 'sha256:526667a04a0fb2dadc73b532f42af5c693fb3e1f744941a3608b4749d73f5909',
    digest: 'sha256:bd23ba7efb73bd7eaa007e2c7bff628217645708c26ad7799e7f45e25eea82bb',
    created: '2025-07-15T18:45:10Z',
    comment: 'buildkit.dockerfile.v0',
    size: 47186543,
    layers: [
      L(
        'bfa6759aaa654772c536c4978dea387a9ac3ea52af205f6baae16ed9174492d4',
        'f1a54b10cd2781158c0519c945d55683b5a60ab2100524797b0ecaeeaa3e3a04',
        3799552,
      ),
      L(
        '87073aacc4a3fc39d257d86bb4a3b3231997b3f0a9aa7bd514c5152e70cf994b',
        '0d09f7f23d16999c93735ade57f3655154152b17912fd42bccc32183a7c7d68d',
        460289,
      ),
      L(
        'c6c97ab13239ba16c4fe43d37c5bbce2817d046dc835705ac7fdf9a299faafdc',
        'df5444f7e64f7dc7238b5fb6096cc300c7fecd2e24b44b62ae04c1c617ef36ce',
        14212053,
      ),
      L(
        'd49eb483e0e5964a499ec0171aa4daded425a4fd6bd74f396c3d806b843f7d57',
        '7c88122edcdcf4faf9fa6bcbf1d1864a5c88c312662202f5af090c772db7dd06',
        250,
      ),
    ],
    config: {
      Env: [
        'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'LANG=C.UTF-8',
        'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305',
        'PYTHON_VERSION=3.13.5',
        'PYTHON_SHA256=93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640',
      ],
      Cmd: ['python3'],
    },
    tools: [...BUSYBOX_APPLETS, 'python3', 'python', 'pip', 'pip3'],
    flavour: 'busybox',
    files: { '/etc/os-release': ALPINE_OS, '/etc/alpine-release': '3.22.1\n' },
  },
  {
    repo: 'ubuntu',
    tags: ['latest', '24.04', 'noble'],
    id: 'sha256:0fdf73e7542dae420241f3a0eefbd9f8408b2c7e51fc93b1446b7fb24f00e8d2',
    digest: 'sha256:880de7b7bb04ae42e9b74e37c858a80bb405326da9b4de89fe384ff851852efa',
    created: '2025-06-05T17:45:40.565474926Z',
    comment: '',
    size: 78117889,
    layers: [
      L(
        'de90f34857f9f8a1709dc26717de3856b9c4a57257c05ac70ddb36cad4eb140d',
        'e59533b882afd3dfc0cf2d0e970b43d559248a5b4b46586ee2aff2899b1fc1ac',
        29723147,
      ),
    ],
    config: {
      Env: [PATH],
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' },
    },
    tools: GNU_CORE,
    flavour: 'gnu',
    files: { '/etc/os-release': UBUNTU_OS, '/etc/debian_version': 'trixie/sid\n' },
  },
  {
    repo: 'debian',
    tags: ['latest', '12', '12.11', 'bookworm'],
    id: 'sha256:2698ac0d020319d99d9a5dea9d32950d96faf7942ec8c5525dba62b94baf0d2c',
    digest: 'sha256:89dca697bec8448ac5659a1ec1dacacabed8b2c8beb05f1219f0b4834abd289b',
    created: '2025-07-21T00:00:00Z',
    comment: 'debuerreotype 0.15',
    size: 116567094,
    layers: [
      L(
        '2569d648289f5440249fd30e91703f50a9ce8d9001e173e401bc2e21388d42b6',
        '144e8241cdee107725602d3d56380e4563871227abdcafc3fdab96eb071c0b05',
        48494272,
      ),
    ],
    config: { Env: [PATH], Cmd: ['bash'] },
    tools: GNU_CORE,
    flavour: 'gnu',
    files: { '/etc/os-release': DEBIAN_OS, '/etc/debian_version': '12.11\n' },
  },
];
