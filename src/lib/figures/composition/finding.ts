/** The composition's title: the largest part's share in the last month drawn. */
import { formatMonthShort } from '../../format';

/** "Single adults made up 63.9% of U.S. Border Patrol encounters in Sep 2024" */
export function shareFinding(
	rows: { month: Date; key: string; value: number }[],
	label: (key: string) => string,
	counted: string
): string | null {
	if (!rows.length) return null;
	const lastTime = Math.max(...rows.map((r) => r.month.getTime()));
	const last = rows.filter((r) => r.month.getTime() === lastTime);
	const total = last.reduce((a, r) => a + r.value, 0);
	if (!total) return null;
	const top = last.reduce((a, r) => (r.value > a.value ? r : a));
	return `${label(top.key)} made up ${((top.value / total) * 100).toFixed(1)}% of ${counted} in ${formatMonthShort(new Date(lastTime))}`;
}
