/**
 * The topology view on its dev page (/dev/topology/): live drawing, stable positions, packet walk
 * with a drop reason and step controls, inspect on click and by keyboard, the text table, reduced
 * motion, 50 containers, and axe in both themes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PAGE = '/dev/topology/';

async function run(page: Page, line: string): Promise<void> {
  await page.getByLabel('Command').fill(line);
  await page.locator('#dev-topo-form').getByRole('button', { name: 'Run' }).click();
}

/** open loads the dev page and waits for the view (it loads the simulator on demand). */
async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${PAGE}${query}`);
  await expect(page.locator('.dnl-topo-svg .box.container').first()).toBeVisible();
}

const box = (page: Page, name: string) =>
  page.locator('.dnl-topo-svg .box.container', { hasText: name }).first();

test('draws hosts, router, bridges and containers, and the same facts as a table', async ({ page }) => {
  await open(page);
  const boxes = page.locator('.dnl-topo-svg .box');
  await expect(boxes).toHaveCount(10);
  expect(await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
    'Docker host host1 eth0 192.168.1.11/24 · routing, iptables',
    'Internet ISP, public DNS, web',
    'Router router eth0 192.168.1.1/24 eth1 203.0.113.2/24 · NAT',
    'Network bridge (bridge) docker0 · 172.17.0.1/16',
    'Container d1 eth0 172.17.0.2',
    'Container d2 eth0 172.17.0.3',
    'Network a (bridge) br-c4118391326e · 172.18.0.1/16',
    'Container web eth0 172.18.0.2',
    'Network b (bridge) br-bdb220769107 · 172.19.0.1/16',
    'Container c1 eth0 172.19.0.2',
  ]);
  const table = page.getByRole('table', { name: 'Network topology as a table' });
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
  expect(rows.map((r) => [...r.slice(0, 5), r[6]])).toEqual([
    ['host1', 'a (br-c4118391326e 172.18.0.1/16)', 'web', 'eth0', '172.18.0.2/16', 'running'],
    ['host1', 'b (br-bdb220769107 172.19.0.1/16)', 'c1', 'eth0', '172.19.0.2/16', 'running'],
    ['host1', 'bridge (docker0 172.17.0.1/16)', 'd1', 'eth0', '172.17.0.2/16', 'running'],
    ['host1', 'bridge (docker0 172.17.0.1/16)', 'd2', 'eth0', '172.17.0.3/16', 'running'],
  ]);
  await page.getByRole('button', { name: 'Show as table' }).click();
  await expect(table).toBeVisible();
});

test('updates on every change without moving what was there', async ({ page }) => {
  await open(page);
  const before = await page
    .locator('.dnl-topo-svg .box')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), (e as SVGGElement).style.transform])),
    );
  await run(page, 'docker run -dit --name aaa alpine ash');
  await run(page, 'docker network connect a d2');
  await expect(box(page, 'aaa')).toHaveAttribute('aria-label', 'Container aaa eth0 172.17.0.4');
  await expect(box(page, 'd2')).toHaveAttribute('aria-label', 'Container d2 eth0 172.17.0.3 eth1 172.18.0.3');
  const after = await page
    .locator('.dnl-topo-svg .box')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), (e as SVGGElement).style.transform])),
    );
  expect(Object.keys(before)).toHaveLength(10);
  for (const [key, transform] of Object.entries(before))
    expect(after[key as string], key as string).toBe(transform);
  await expect(page.locator('.dnl-topo-svg .wire.secondary')).toHaveCount(1);
  await run(page, 'docker rm -f d1');
  await expect(box(page, 'd1')).toHaveCount(0);
  const d2 = await box(page, 'd2').evaluate((e) => (e as SVGGElement).style.transform);
  const d2Key = (await box(page, 'd2').getAttribute('data-key')) as string;
  expect([d2Key in before, d2]).toEqual([true, before[d2Key]]);
});

test('a dropped ping walks hop by hop and says where and why', async ({ page }) => {
  await open(page);
  await run(page, 'docker exec d1 ping -c 1 -W 1 172.18.0.2');
  const walk = page.getByRole('region', { name: 'Packet walk' });
  await expect(walk.getByText('Packet walk: docker exec d1 ping -c 1 -W 1 172.18.0.2')).toBeVisible();
  await expect(walk.getByRole('status')).toHaveText(
    'Dropped at host1, raw PREROUTING: isolated: the containers are on different bridge networks (bridge → a), and Docker drops traffic between bridges.',
  );
  const pos = walk.locator('.pos');
  await expect(pos).toHaveText('Hop 6 of 6', { timeout: 10_000 });
  const rows = walk.locator('table.hops tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(5)).toHaveAttribute('aria-current', 'step');
  await expect(rows.nth(5).locator('td')).toHaveText([
    '6',
    'host1',
    'docker0',
    /^iptables: raw PREROUTING: dropped by PREROUTING/,
    '-A PREROUTING -d 172.18.0.2/32 ! -i br-c4118391326e -j DROP',
    'drop',
  ]);
  await expect(page.locator('.dnl-topo-svg .box.bad')).toHaveAttribute('data-key', 'host:host1');
  await walk.getByRole('button', { name: 'Step back' }).click();
  await expect(pos).toHaveText('Hop 5 of 6');
  await expect(page.locator('.dnl-topo-svg .lit')).toHaveAttribute('data-key', /^section:host1:br:docker0$/);
  await walk.getByRole('button', { name: 'Step back' }).click();
  await walk.getByRole('button', { name: 'Step forward' }).click();
  await expect(pos).toHaveText('Hop 5 of 6');
  await walk.getByRole('button', { name: 'Play' }).click();
  await expect(walk.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pos).toHaveText('Hop 6 of 6');
  await expect(walk.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
});

test('no DNS on the default bridge, said in plain words', async ({ page }) => {
  await open(page);
  await run(page, 'docker exec d1 ping -c 1 d2');
  await expect(page.getByRole('region', { name: 'Packet walk' }).getByRole('status')).toHaveText(
    'Failed at d1: no DNS on the default bridge: container names such as "d2" resolve only on user-defined networks; the question went to the host\'s resolver, which does not know it (NXDOMAIN).',
  );
});

test('clicking or pressing Enter on an element shows its inspect JSON', async ({ page }) => {
  await open(page);
  await box(page, 'web').click();
  const pre = page.locator('.dnl-topo .inspect pre');
  await expect(page.locator('.dnl-topo .inspect-title')).toHaveText('Inspect: docker inspect web');
  await expect(pre).toBeFocused();
  const json = JSON.parse((await pre.textContent()) ?? '');
  expect([json[0].Name, json[0].NetworkSettings.Networks.a.IPAddress]).toEqual(['/web', '172.18.0.2']);
  expect((await pre.textContent())?.startsWith('[\n    {\n        "Id": "')).toBe(true);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.locator('.dnl-topo-svg .box.section').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.dnl-topo .inspect-title')).toHaveText('Inspect: docker network inspect bridge');
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('the walk jumps to its end instead of animating', async ({ page }) => {
    await open(page);
    await run(page, 'docker exec d1 ping -c 1 172.17.0.3');
    const walk = page.getByRole('region', { name: 'Packet walk' });
    await expect(walk.locator('.pos')).toHaveText('Hop 21 of 21');
    await expect(walk.getByRole('status')).toHaveText('Delivered: the answer came back.');
    await expect(walk.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
    const duration = await page
      .locator('.dnl-topo-svg .box')
      .first()
      .evaluate((e) => getComputedStyle(e).transitionDuration);
    expect(duration).toBe('0s');
  });
});

test('fifty containers stay readable', async ({ page }) => {
  await open(page, '?containers=46');
  const boxes = page.locator('.dnl-topo-svg .box.container');
  await expect(boxes).toHaveCount(50);
  const rects = await boxes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (const a of rects)
    for (const b of rects)
      if (a !== b)
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
  const size = await boxes
    .first()
    .locator('text.line')
    .evaluate((t) => Number.parseFloat(getComputedStyle(t).fontSize));
  expect(size).toBeGreaterThanOrEqual(11);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious with the walk and inspect open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    await run(page, 'docker exec d1 ping -c 1 -W 1 172.18.0.2');
    await box(page, 'd1').click();
    await page.getByRole('button', { name: 'Show as table' }).click();
    await expect(page.locator('.dnl-topo-walk .pos')).toHaveText('Hop 6 of 6', { timeout: 10_000 });
    const results = await new AxeBuilder({ page }).include('.dnl-topo').analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(blocking).toEqual([]);
  });
}
