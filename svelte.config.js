import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR and KIT_OUT_DIR let a second build (the benchmark, a parallel check) run beside
		// the usual one without overwriting it.
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			// .gz and .br beside every file, for hosts that serve precompressed files (PRECOMPRESS=0
			// skips it for quick local builds).
			precompress: process.env.PRECOMPRESS !== '0'
		}),
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// Only our own origin: DuckDB's wasm needs 'wasm-unsafe-eval'; downloads use blob: URLs and
		// the PNG export draws a blob: SVG image. SvelteKit adds hashes for its own inline script.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		// Plain relative asset paths so the build works from any static host folder.
		paths: { relative: true },
		alias: { $data: 'data' }
	}
};

export default config;
