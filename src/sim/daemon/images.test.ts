import assert from 'node:assert/strict';
import test from 'node:test';
import { createRng } from '../world/rng.ts';
import { parseFilters } from './filters.ts';
import { CATALOGUE, humanSize, ImageStore } from './images.ts';
import { imageInspect, imageSummary, listImages } from './images-json.ts';
import { newTestDaemon } from './testkit.ts';

test("pulling alpine streams dockerd's JSON progress messages", () => {
  const store = new ImageStore(createRng(1));
  assert.deepEqual(store.pull('alpine', 'latest'), [
    { status: 'Pulling from library/alpine', id: 'latest' },
    { status: 'Pulling fs layer', progressDetail: {}, id: '938df931e36f' },
    {
      status: 'Downloading',
      progressDetail: { current: 3799552, total: 3799552 },
      progress: '[==================================================>]    3.8MB/3.8MB',
      id: '938df931e36f',
    },
    { status: 'Verifying Checksum', progressDetail: {}, id: '938df931e36f' },
    { status: 'Download complete', progressDetail: {}, id: '938df931e36f' },
    {
      status: 'Extracting',
      progressDetail: { current: 3799552, total: 3799552 },
      progress: '[==================================================>]    3.8MB/3.8MB',
      id: '938df931e36f',
    },
    { status: 'Pull complete', progressDetail: {}, id: '938df931e36f' },
    { status: 'Digest: sha256:2e5dccf8c54cffd5f30eb2a02f4c5e61ae36a8decda336b7c7dd1c7927618cea' },
    { status: 'Status: Downloaded newer image for alpine:latest' },
  ]);
});

test('a second pull of the same tag is up to date; another tag of it is new', () => {
  const store = new ImageStore(createRng(1));
  store.pull('alpine', undefined);
  assert.deepEqual(
    store.pull('alpine', 'latest').map((m) => m.status),
    [
      'Pulling from library/alpine',
      'Digest: sha256:2e5dccf8c54cffd5f30eb2a02f4c5e61ae36a8decda336b7c7dd1c7927618cea',
      'Status: Image is up to date for alpine:latest',
    ],
  );
  assert.equal(store.pull('alpine', '3.22').at(-1)?.status, 'Status: Downloaded newer image for alpine:3.22');
  assert.deepEqual(store.getImage('alpine:3.22').repoTags, ['alpine:latest', 'alpine:3.22']);
});

test('layers after the third wait for a download slot', () => {
  const store = new ImageStore(createRng(1));
  const waiting = store.pull('nginx', 'latest').filter((m) => m.status === 'Waiting');
  assert.equal(waiting.length, 4);
});

test('unknown repositories and tags fail like Docker Hub', () => {
  const store = new ImageStore(createRng(1));
  assert.throws(() => store.pull('nosuchimage', 'latest'), {
    message:
      "pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
  });
  assert.throws(() => store.pull('alpine', '9.9'), {
    message: 'manifest for alpine:9.9 not found: manifest unknown: manifest unknown',
  });
});

test('getImage finds by tag, by ID and by ID prefix, else No such image', () => {
  const store = new ImageStore(createRng(1));
  store.pull('busybox', undefined);
  const id = CATALOGUE.find((e) => e.repo === 'busybox')?.id ?? '';
  assert.equal(store.getImage('busybox').entry.id, id);
  assert.equal(store.getImage(id).entry.id, id);
  assert.equal(store.getImage(id.slice(7, 19)).entry.id, id);
  assert.throws(() => store.getImage('alpine'), { message: 'No such image: alpine:latest' });
});

test('humanSize is go-units HumanSize', () => {
  assert.equal(humanSize(3799552), '3.8MB');
  assert.equal(humanSize(1210), '1.21kB');
  assert.equal(humanSize(628), '628B');
  assert.equal(humanSize(192436547), '192.4MB');
});

test('image inspect has the graphdriver (overlay2) shape', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  const doc = imageInspect(d, 'alpine');
  const img = d.images.getImage('alpine');
  assert.equal(
    JSON.stringify(doc),
    JSON.stringify({
      Id: 'sha256:fe42545217a406e81da675f9d52a253293c5e8a78769b169441cb787d1edc1f9',
      RepoTags: ['alpine:latest'],
      RepoDigests: ['alpine@sha256:2e5dccf8c54cffd5f30eb2a02f4c5e61ae36a8decda336b7c7dd1c7927618cea'],
      Parent: '',
      Comment: 'buildkit.dockerfile.v0',
      Created: '2025-07-15T11:01:16Z',
      DockerVersion: '',
      Author: '',
      Config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        Cmd: ['/bin/sh'],
        WorkingDir: '/',
      },
      Architecture: 'amd64',
      Os: 'linux',
      Size: 8309111,
      GraphDriver: {
        Data: {
          MergedDir: `/var/lib/docker/overlay2/${img.cacheIds[0]}/merged`,
          UpperDir: `/var/lib/docker/overlay2/${img.cacheIds[0]}/diff`,
          WorkDir: `/var/lib/docker/overlay2/${img.cacheIds[0]}/work`,
        },
        Name: 'overlay2',
      },
      RootFS: {
        Type: 'layers',
        Layers: ['sha256:95252f7eb113eb3421355c6dc28da9a983d8628b3633098f613a4c2692e3f50f'],
      },
      Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
    }),
  );
});

test('image list summaries carry -1 for uncounted containers and shared size', () => {
  const { d } = newTestDaemon({ pull: ['alpine', 'nginx'] });
  const list = listImages(d, parseFilters(undefined));
  assert.deepEqual(
    list.map((i) => i.RepoTags),
    [['alpine:latest'], ['nginx:latest']],
  );
  assert.equal(
    JSON.stringify(imageSummary(d.images.getImage('nginx'))),
    JSON.stringify({
      Containers: -1,
      Created: 1750788522,
      Id: 'sha256:2fa0aaa8024dc3c9c63d8beca12ff058b52810788833238b48b8e9d66c35cd8a',
      Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
      ParentId: '',
      RepoDigests: ['nginx@sha256:e9a901705530a716b51c1a52cb4917853bf4c9c07a7aca75ffcb0c700c4a5bf0'],
      RepoTags: ['nginx:latest'],
      SharedSize: -1,
      Size: 192436547,
    }),
  );
  assert.deepEqual(
    listImages(d, parseFilters('{"reference":{"ngi*":true}}')).map((i) => i.RepoTags),
    [['nginx:latest']],
  );
});

test('removing an image untags, then deletes the image and its layers', () => {
  const store = new ImageStore(createRng(1));
  store.pull('alpine', undefined);
  assert.deepEqual(
    store.remove('alpine', false, () => []),
    [
      { Untagged: 'alpine:latest' },
      { Untagged: 'alpine@sha256:2e5dccf8c54cffd5f30eb2a02f4c5e61ae36a8decda336b7c7dd1c7927618cea' },
      { Deleted: 'sha256:fe42545217a406e81da675f9d52a253293c5e8a78769b169441cb787d1edc1f9' },
      { Deleted: 'sha256:95252f7eb113eb3421355c6dc28da9a983d8628b3633098f613a4c2692e3f50f' },
    ],
  );
  assert.equal(store.list().length, 0);
});

test('removing an image in use needs force, and never while a container runs', () => {
  const store = new ImageStore(createRng(1));
  store.pull('alpine', undefined);
  const cid = 'c0ffee'.padEnd(64, '0');
  assert.throws(() => store.remove('alpine', false, () => [{ id: cid, running: false }]), {
    message:
      'conflict: unable to remove repository reference "alpine" (must force) - container c0ffee000000 is using its referenced image fe42545217a4',
  });
  assert.throws(() => store.remove('fe42545217a4', true, () => [{ id: cid, running: true }]), {
    message:
      'conflict: unable to delete fe42545217a4 (cannot be forced) - image is being used by running container c0ffee000000',
  });
});

test("pull accepts the CLI's fromImage=docker.io/library/x and a digest as tag", () => {
  const store = new ImageStore(createRng(1));
  const digest = 'sha256:2e5dccf8c54cffd5f30eb2a02f4c5e61ae36a8decda336b7c7dd1c7927618cea';
  assert.equal(
    store.pull('docker.io/library/alpine', digest).at(-1)?.status,
    `Status: Downloaded newer image for alpine@${digest}`,
  );
  assert.deepEqual(store.getImage(`alpine@${digest}`).repoTags, []);
});
