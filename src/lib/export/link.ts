/**
 * Links that reproduce a view now and after the data are updated: `month`, `from` and `to` are
 * always written, even where they equal today's defaults. The embed route takes the same query
 * plus `view`, and renders that one figure without the site's chrome.
 */
import { serializeUrlState, type UrlState } from '../filters/url-state';
import type { FigureView } from '../filters/figure-views';
import { plainText } from '../format';

type Resolved = UrlState & { month: Date; from: Date; to: Date };

/** `?month=…&from=…&to=…&…`: the explorer's query for the state with its months written out. */
export function viewQuery(state: UrlState, resolved: Resolved): string {
	return serializeUrlState(state, { month: resolved.month, from: resolved.from, to: resolved.to });
}

/** The explorer page for the view, relative to the site root (`./?month=…`). */
export function explorerHref(state: UrlState, resolved: Resolved): string {
	return `./${viewQuery(state, resolved)}`;
}

/** The embed route for one figure (`./embed?view=monthly&month=…`). */
export function embedHref(view: FigureView, state: UrlState, resolved: Resolved): string {
	return `./embed?view=${view}&${viewQuery(state, resolved).slice(1)}`;
}

/** Heights that fit each figure in an iframe at a typical article width. */
const EMBED_HEIGHT: Record<FigureView, number> = {
	headline: 460,
	sectors: 620,
	monthly: 820,
	'small-multiples': 760,
	comparison: 900,
	map: 720,
	history: 640,
	composition: 720,
	states: 760
};

/**
 * An attribute value in a snippet pasted into other people's pages: `plainText` first, so no bidi
 * override or hidden character rides along in the title (a URL is percent-encoded already).
 */
const attribute = (text: string) =>
	plainText(text).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The `<iframe>` snippet for an absolute embed URL. */
export function embedSnippet(url: string, view: FigureView, title: string): string {
	return `<iframe src="${attribute(url)}" title="${attribute(title)}" width="100%" height="${EMBED_HEIGHT[view]}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
