/** Text from data files is always rendered as text: no component uses `{@html}`. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svelteFiles(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}

test('no Svelte component renders raw HTML', () => {
	const files = svelteFiles('src');
	expect(files.length).toBeGreaterThan(10);
	expect(files.filter((f) => readFileSync(f, 'utf8').includes('{@html'))).toEqual([]);
});
