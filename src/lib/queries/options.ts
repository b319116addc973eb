import type { Db } from '../db/db';
import { sql } from '../db/sql';

export interface CitizenshipOption {
	slug: string;
	label: string;
}

/** Every citizenship the AOR files name, as URL slug and CBP's label, alphabetically. */
export async function citizenshipOptions(db: Db): Promise<CitizenshipOption[]> {
	return db.query<CitizenshipOption>(sql`
		SELECT DISTINCT citizenship AS slug, citizenship_label AS label FROM encounter_rows
		WHERE citizenship IS NOT NULL ORDER BY label`);
}
