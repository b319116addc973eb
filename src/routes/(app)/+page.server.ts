import { bundledViewSnapshot } from '$lib/server/view-snapshot';

// Runs once, at prerender: the default view from the bundled files, inlined into the page.
export async function load() {
	return { snapshot: await bundledViewSnapshot() };
}
