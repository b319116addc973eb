/** The map's title: the range of the areas' changes. */
import { formatChange } from '../../format';

/** "Changes in U.S. Border Patrol encounters from a year earlier ranged from −96.5% (San Diego Sector) to −27.4% (Big Bend Sector)" */
export function rangeFinding(
	values: { name: string; change: number | null }[],
	counted: string
): string | null {
	const valued = values.filter((v): v is { name: string; change: number } => v.change !== null);
	if (valued.length < 2) return null;
	const low = valued.reduce((a, v) => (v.change < a.change ? v : a));
	const high = valued.reduce((a, v) => (v.change > a.change ? v : a));
	return `Changes in ${counted} from a year earlier ranged from ${formatChange(low.change)} (${low.name}) to ${formatChange(high.change)} (${high.name})`;
}
