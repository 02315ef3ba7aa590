// The panes a lab can show. Kept apart from schema.ts so browser code can use the list without
// pulling the schema library into the page.

/** PANES are the panes a lab can show, in display order. */
export const PANES = ['terminal', 'editor', 'topology', 'challenges'] as const;

/** Pane is one of PANES. */
export type Pane = (typeof PANES)[number];
