/**
 * The URL's citizenship slug (`citizenshipSlug`) and the one DuckDB gives each label on load
 * (schema.ts) are the same rule: a link's citizenship is found among the loaded data's options
 * whatever script its label is written in.
 */
import { expect, test } from 'vitest';
import type { ManifestFile } from '../../src/lib/domain/manifest';
import { citizenshipOptions } from '../../src/lib/queries/options';
import { citizenshipSlug } from '../../src/lib/filters/url-state';
import { loadedDb, manifestFiles } from '../helpers/node-db';

const HEADER =
	'Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count';
const LABELS = [
	'MEXICO',
	'Mexico',
	'CHINA, PEOPLES REPUBLIC OF',
	'MYANMAR (BURMA)',
	'中国',
	'日本',
	'中国 (大陆)',
	"CÔTE D'IVOIRE",
	'ΕΛΛΑΔΑ',
	'KOREA, SOUTH',
	'U.S.S.R. 1991'
];
const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;
const rows = LABELS.map(
	(label, i) =>
		`2024,FYTD,JUN,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,${csvCell(label)},Title 8,Apprehensions,${i + 1}`
);
const aor = manifestFiles.find((f) => f.layout === 'aor')!;
const file: ManifestFile = {
	...aor,
	id: 'fixture_labels',
	path: 'fixture_labels.csv',
	coverage: { from: '2024-06', to: '2024-06', months: 1 }
};

test('every label gets the same slug in DuckDB as in the URL', async () => {
	const db = await loadedDb([file], () => [HEADER, ...rows].join('\n'));
	const slugs = (await citizenshipOptions(db)).map((o) => o.slug).sort();
	expect(slugs).toEqual([...new Set(LABELS.map(citizenshipSlug))].sort());
	// Spot checks of the rule itself, so both sides cannot drift together unnoticed.
	expect(slugs).toEqual(
		expect.arrayContaining(['mexico', 'china-peoples-republic-of', 'myanmar-burma', '中国', '日本'])
	);
});
