/**
 * The explorer's query string, carried by the site's own links, so that going to /releases or
 * /about and back keeps the filters and the month. The explorer writes it on every change; a page
 * opened with a query string of its own starts from that.
 */
export const carried = $state({ search: '' });
