import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: undefined }),
		// Plain relative asset paths so the build works from any static host folder.
		paths: { relative: true },
		alias: { $data: 'data' }
	}
};

export default config;
