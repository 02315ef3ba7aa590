/** Site-relative URLs that respect Astro's `base`, so the site can live under a sub-path. */

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** pageUrl returns the URL of a site page, e.g. pageUrl('search/') → '/search/'. */
export function pageUrl(path = ''): string {
  return `${base}/${path.replace(/^\//, '')}`;
}

/** lessonUrl returns the URL of the lesson with content-collection id `id`. */
export function lessonUrl(id: string): string {
  return pageUrl(`lessons/${id}/`);
}
