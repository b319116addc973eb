/** The sectors figure's title: what is counted and where it moved. */
import { percentChange } from '../../domain/change';
import { formatChange } from '../../format';

/**
 * What is counted and where it moved: "U.S. Border Patrol encounters fell in 8 of 9 sectors and
 * rose in 1"; one area by its name: "U.S. Border Patrol encounters in Tucson Sector fell 12.3%".
 */
export function sectorsFinding(
	sectors: { name: string; value: number | null; baselineValue: number | null }[],
	noun: { many: string; one: string },
	counted: string
): string | null {
	const changes = sectors
		.map((s) => percentChange(s.value, s.baselineValue))
		.filter((c): c is number => c !== null);
	if (!changes.length) return null;
	if (sectors.length === 1) {
		const [change] = changes;
		const lead = `${counted} in ${sectors[0].name}`;
		if (Number(Math.abs(change).toFixed(1)) === 0) return `${lead} were unchanged`;
		return `${lead} ${change < 0 ? 'fell' : 'rose'} ${formatChange(Math.abs(change)).replace('+', '')}`;
	}
	const fell = changes.filter((c) => c < 0).length;
	const rose = changes.filter((c) => c > 0).length;
	const all =
		changes.length === 1
			? `the one ${noun.one} with a change`
			: changes.length === 2
				? `both ${noun.many}`
				: `all ${changes.length} ${noun.many}`;
	if (fell === changes.length) return `${counted} fell in ${all}`;
	if (rose === changes.length) return `${counted} rose in ${all}`;
	return `${counted} fell in ${fell} of ${changes.length} ${noun.many} and rose in ${rose}`;
}
