/**
 * tcpdump in the lab terminal: a foreground capture holds the terminal (no prompt) until Ctrl+C,
 * which prints tcpdump's summary and gives the prompt back; a background capture (`&`) prints its
 * packets among a later command's output and bash's Done notice when -c is reached.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, LESSON_PATH, test } from './fixtures.ts';

async function openLab(page: Page): Promise<Locator> {
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  return lab;
}

/** screen is the terminal's text with every blank removed, so that lines wrapped by a narrow terminal compare equal. */
async function screen(lab: Locator): Promise<string> {
  const texts = await lab.locator('[data-terminal]:not([hidden]) .xterm-rows > div').allTextContents();
  return texts.join('').replace(/[\s\u00a0]/g, '');
}

const squash = (lines: string[]): string => lines.join('').replace(/\s/g, '');

async function run(page: Page, lab: Locator, line: string): Promise<void> {
  await lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('a foreground tcpdump keeps the terminal until Ctrl+C', async ({ page }) => {
  const lab = await openLab(page);
  await run(page, lab, 'tcpdump -i eth0 -n icmp');
  const banner = [
    'root@host1:~# tcpdump -i eth0 -n icmp',
    'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
    'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
  ];
  await expect.poll(() => screen(lab)).toBe(squash(banner));
  await page.keyboard.press('Control+c');
  await expect
    .poll(() => screen(lab))
    .toBe(
      squash([
        'root@host1:~# tcpdump -i eth0 -n icmp',
        'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
        'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
        '^C',
        '0 packets captured',
        '0 packets received by filter',
        '0 packets dropped by kernel',
        'root@host1:~#',
      ]),
    );
});

test('a background tcpdump prints the packets of a later ping, then Done', async ({ page }) => {
  const lab = await openLab(page);
  await run(page, lab, 'tcpdump -n -c 2 icmp &');
  await expect
    .poll(() => screen(lab))
    .toMatch(
      /root@host1:~#tcpdump-n-c2icmp&\[1\]\d+tcpdump:verbose.*snapshotlength262144bytesroot@host1:~#$/,
    );
  await run(page, lab, 'ping -c 1 8.8.8.8');
  await expect.poll(() => screen(lab)).toMatch(/tcpdump-n-c2icmproot@host1:~#$/);
  const text = await screen(lab);
  expect(text).toMatch(
    /(\d\d:){2}\d\d\.\d{6}IP192\.168\.1\.\d+>8\.8\.8\.8:ICMPechorequest,id\d+,seq1,length64(\d\d:){2}\d\d\.\d{6}IP8\.8\.8\.8>192\.168\.1\.\d+:ICMPechoreply,id\d+,seq1,length642packetscaptured2packetsreceivedbyfilter0packetsdroppedbykernel64bytesfrom8\.8\.8\.8:/,
  );
  expect(text).toContain(squash(['[1]+  Done                    tcpdump -n -c 2 icmp', 'root@host1:~#']));
});

test("another host's traffic reaches a background capture in its own tab at once", async ({ page }) => {
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-scenario="two-hosts"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-ready', 'true');
  const tabs = lab.getByRole('tab');
  await tabs.nth(1).click();
  await run(page, lab, 'tcpdump -n -c 2 icmp &');
  await expect.poll(() => screen(lab)).toMatch(/snapshotlength262144bytesroot@host2:~#$/);
  await tabs.nth(0).click();
  await run(page, lab, 'ping -c 1 192.168.1.12');
  await expect.poll(() => screen(lab)).toMatch(/rttmin\/avg\/max\/mdev=.*msroot@host1:~#$/);
  expect(await screen(lab)).not.toContain('ICMPechorequest');
  await tabs.nth(1).click();
  await expect
    .poll(() => screen(lab))
    .toMatch(
      /snapshotlength262144bytes(\d\d:){2}\d\d\.\d{6}IP192\.168\.1\.11>192\.168\.1\.12:ICMPechorequest,id\d+,seq1,length64(\d\d:){2}\d\d\.\d{6}IP192\.168\.1\.12>192\.168\.1\.11:ICMPechoreply,id\d+,seq1,length642packetscaptured2packetsreceivedbyfilter0packetsdroppedbykernelroot@host2:~#$/,
    );
});
