// The lab side of links: opening a lab from a share link or a challenge deep link (at load and on
// hashchange), the "Restore my previous lab" bar, the "Share" and "Embed this" buttons (their
// dialogs load on first use) and the challenges' "Copy link" buttons. Used by <dnl-lab>.

import type { Scenario } from '../../scenarios/schema.ts';
import type { ScenarioHosts } from '../state/lab-link.ts';
import type { LabState, LabStore, StorageLike } from '../state/lab-store.ts';
import { copyText, pageLink } from './copy.ts';
import type { DialogStrings } from './lab-dialogs.ts';
import {
  forgetShareHash,
  HASH_AT_LOAD,
  type LinkIntent,
  type LinkStrings,
  linkIntent,
  revisited,
} from './lab-links.ts';

type Runtime = typeof import('./runtime.ts');

function parseJson<T>(raw: string | undefined, fallback: T): T {
  try {
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** LabLinks connects one lab to links; create it before the lab's store, attach it after. */
export class LabLinks {
  private readonly strings: LinkStrings;
  private readonly instance: string;
  private readonly lab: HTMLElement;
  private readonly scenario: Scenario;
  private readonly runtime: Runtime;
  private readonly storage: StorageLike;
  private readonly hostsOf: ScenarioHosts;

  constructor(
    lab: HTMLElement,
    scenario: Scenario,
    runtime: Runtime,
    storage: StorageLike,
    hostsOf: ScenarioHosts,
  ) {
    this.lab = lab;
    this.scenario = scenario;
    this.runtime = runtime;
    this.storage = storage;
    this.hostsOf = hostsOf;
    this.strings = parseJson(lab.dataset.linkStrings, {} as LinkStrings);
    this.instance = lab.dataset.instance ?? '';
  }

  /** initial reads the link the lab starts with: the page's (unless reloaded) or one followed since. */
  initial(hash: string): Promise<LinkIntent | undefined> {
    if (hash === HASH_AT_LOAD && revisited()) return Promise.resolve(undefined);
    return this.intent(hash);
  }

  private intent(hash: string): Promise<LinkIntent | undefined> {
    return linkIntent(
      this.lab,
      this.scenario,
      hash,
      this.hostsOf,
      this.runtime.challengeStart,
      this.strings,
    ).catch(() => undefined);
  }

  /** keep puts the saved lab aside for `intent` and returns the state the lab should start from. */
  keep(intent: LinkIntent): LabState {
    const kept = this.runtime.keepSavedLab(this.storage, this.scenario, this.instance, intent.state);
    const bar = this.lab.querySelector<HTMLElement>('[data-kept]');
    if (bar) bar.hidden = !kept;
    return intent.state;
  }

  /** attach wires the notice of an opened link, hashchange, the kept bar and the link buttons. */
  attach(store: LabStore, opened: LinkIntent | undefined, notify: (message: string) => void): void {
    const land = (intent: LinkIntent) => {
      notify(intent.message);
      forgetShareHash();
      if (intent.challenge) {
        intent.challenge.scrollIntoView({ block: 'center' });
        intent.challenge.focus({ preventScroll: true });
      }
    };
    if (opened) land(opened);
    window.addEventListener('hashchange', () => {
      void this.intent(location.hash).then((intent) => {
        if (!intent) return;
        store.replace(this.keep(intent));
        land(intent);
      });
    });
    const bar = this.lab.querySelector<HTMLElement>('[data-kept]');
    bar?.querySelector('[data-action="restore-kept"]')?.addEventListener('click', () => {
      const kept = this.runtime.takeKeptLab(this.storage, this.scenario, this.instance);
      bar.hidden = true;
      if (!kept) return;
      store.replace(kept);
      notify(this.strings.restored);
    });
    this.wireButtons(store);
  }

  private wireButtons(store: LabStore): void {
    const dialogStrings = parseJson(this.lab.dataset.dialogStrings, {} as DialogStrings);
    const share = this.lab.querySelector<HTMLButtonElement>('[data-action="share"]');
    share?.addEventListener('click', () => {
      void import('./lab-dialogs.ts').then((m) => m.openShare(this.lab, store, share, dialogStrings));
    });
    const embed = this.lab.querySelector<HTMLButtonElement>('[data-action="embed"]');
    embed?.addEventListener('click', () => {
      void import('./lab-dialogs.ts').then((m) => m.openEmbed(this.lab, embed, dialogStrings));
    });
    const messages = { copied: this.lab.dataset.copied ?? '', failed: this.lab.dataset.copyFailed ?? '' };
    for (const button of this.lab.querySelectorAll<HTMLButtonElement>('[data-copy-link]')) {
      const label = button.querySelector<HTMLElement>('[data-copy-label]') ?? button;
      button.addEventListener(
        'click',
        () => void copyText(pageLink(button.dataset.copyLink ?? ''), label, messages),
      );
    }
  }
}
