// SvelteKit's `$lib` alias, for dependency-cruiser (its tsconfig reader needs a baseUrl, which
// TypeScript 6 deprecates).
import { fileURLToPath } from 'node:url';

export default { resolve: { alias: { $lib: fileURLToPath(new URL('src/lib', import.meta.url)) } } };
