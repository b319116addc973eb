import { error, json } from '@sveltejs/kit';
import { bundledResults } from '$lib/server/result-store';

// Written at build time, one file per stored statement (see $lib/server/result-store).
export const prerender = true;

export async function entries() {
	return [...(await bundledResults()).keys()].map((name) => ({ name }));
}

export async function GET({ params }) {
	const result = (await bundledResults()).get(params.name);
	if (!result) error(404, 'No such result');
	return json(result);
}
