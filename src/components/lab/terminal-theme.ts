// The lab terminal's colours, a light and a dark set that follow the site theme (<html
// data-theme>, set by Head.astro and ThemeToggle.astro), and the WCAG 2 contrast arithmetic the
// unit test checks them with. Every colour text can take (foreground, the muted colour, all 16 ANSI
// colours) reads at 4.5:1 or more on its background; the cursor stands out at 3:1 or more. The
// backgrounds are repeated in lab.css (--dnl-terminal-bg), so the box is right before xterm paints.

import type { ITheme } from '@xterm/xterm';

/** SiteTheme is the site's colour theme: what <html data-theme> holds. */
export type SiteTheme = 'light' | 'dark';

/** TERMINAL_THEMES are the terminal's xterm colours for each site theme. */
export const TERMINAL_THEMES: Readonly<Record<SiteTheme, Readonly<Required<TerminalColours>>>> = {
  light: {
    background: '#ffffff',
    foreground: '#18212c',
    cursor: '#0a5bb5',
    cursorAccent: '#ffffff',
    selectionBackground: '#cfe3fa',
    black: '#24292f',
    red: '#cf222e',
    green: '#116329',
    yellow: '#4d2d00',
    blue: '#0969da',
    magenta: '#8250df',
    cyan: '#1b7c83',
    white: '#6e7781',
    brightBlack: '#57606a',
    brightRed: '#a40e26',
    brightGreen: '#1a7f37',
    brightYellow: '#633c01',
    brightBlue: '#0550ae',
    brightMagenta: '#6639ba',
    brightCyan: '#0e6a72',
    brightWhite: '#66707b',
  },
  dark: {
    background: '#0e1621',
    foreground: '#e4ebf2',
    cursor: '#9ccbff',
    cursorAccent: '#0e1621',
    selectionBackground: '#2b4a6f',
    black: '#7d8590',
    red: '#ff7b72',
    green: '#3fb950',
    yellow: '#d29922',
    blue: '#58a6ff',
    magenta: '#bc8cff',
    cyan: '#39c5cf',
    white: '#b1bac4',
    brightBlack: '#8b949e',
    brightRed: '#ffa198',
    brightGreen: '#56d364',
    brightYellow: '#e3b341',
    brightBlue: '#79c0ff',
    brightMagenta: '#d2a8ff',
    brightCyan: '#56d4dd',
    brightWhite: '#f0f6fc',
  },
};

/** TerminalColours are the ITheme fields the lab sets (all as #rrggbb). */
export type TerminalColours = Pick<
  ITheme,
  | 'background'
  | 'foreground'
  | 'cursor'
  | 'cursorAccent'
  | 'selectionBackground'
  | 'black'
  | 'red'
  | 'green'
  | 'yellow'
  | 'blue'
  | 'magenta'
  | 'cyan'
  | 'white'
  | 'brightBlack'
  | 'brightRed'
  | 'brightGreen'
  | 'brightYellow'
  | 'brightBlue'
  | 'brightMagenta'
  | 'brightCyan'
  | 'brightWhite'
>;

/** TEXT_COLOURS are the theme fields that colour text drawn on the background. */
export const TEXT_COLOURS = [
  'foreground',
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const;

/** MUTED is the SGR sequence for the terminal's own quiet notes ("Lab reset…"): bright black, not
 * SGR 2 (dim), which xterm draws at half opacity and which cannot reach 4.5:1 on a light background. */
export const MUTED = '\x1b[90m';

/** relativeLuminance is WCAG 2's relative luminance of a #rrggbb colour (0 black to 1 white). */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.replace(/^#/, ''), 16);
  const channels = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/** contrastRatio is WCAG 2's contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** siteTheme is the theme the page shows now: <html data-theme>, else the OS preference. */
export function siteTheme(): SiteTheme {
  const pinned = document.documentElement.dataset.theme;
  if (pinned === 'light' || pinned === 'dark') return pinned;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** watchSiteTheme calls `changed` whenever the page's theme changes (toggle or OS); dispose stops it. */
export function watchSiteTheme(changed: (theme: SiteTheme) => void): { dispose(): void } {
  let last = siteTheme();
  const check = () => {
    const now = siteTheme();
    if (now === last) return;
    last = now;
    changed(now);
  };
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const os = matchMedia('(prefers-color-scheme: dark)');
  os.addEventListener('change', check);
  return {
    dispose: () => {
      observer.disconnect();
      os.removeEventListener('change', check);
    },
  };
}
