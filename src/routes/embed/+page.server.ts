import { bundledResultIndex } from '$lib/server/result-store';

// Runs once, at prerender: the names of the results stored at build time (the page fetches the
// few its view asks for).
export async function load() {
	return { results: await bundledResultIndex() };
}
