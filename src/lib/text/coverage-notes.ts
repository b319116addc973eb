/**
 * Plain-language statements of which months a filter can and cannot be answered in, and why, so
 * a view says what it could not show instead of silently showing partial numbers.
 */
import type { ManifestFile } from '../domain/manifest';
import { formatMonthShort } from '../format';
import type { Breakdown } from '../domain/manifest';
import type { MonthCoverage } from '../queries/month-sources';

export interface MonthRun {
	from: Date;
	to: Date;
	reason: string;
}

const BREAKDOWN_WORDS: Record<Breakdown, string> = {
	aor: 'sector or field office',
	component: 'component (USBP/OFO)',
	demographic: 'demographic',
	citizenship: 'citizenship',
	encounter_type: 'encounter type',
	state: 'state',
	citizenship_group: 'citizenship group (the Southwest file’s five)'
};

function reasonOf(c: MonthCoverage, files: Map<string, ManifestFile>): string {
	if (c.pending) return 'still loading';
	if (c.missingScopes.length)
		return `no source covers ${c.missingScopes.map((s) => s.replace('/', ' ').replace('usbp', 'USBP').replace('ofo', 'OFO')).join(', ')}`;
	const labels = c.sourceIds.map((id) => files.get(id)?.label ?? id).join('; ');
	// Each scope has a file, but no one file covers them all: a total would mix releases.
	if (!c.lacking.length) return `${labels} each cover part of it, and one total never mixes files`;
	return `${labels} has no ${c.lacking.map((b) => BREAKDOWN_WORDS[b]).join(' or ')} breakdown`;
}

/** Consecutive unanswerable months with the same reason. */
export function unansweredRuns(
	coverage: MonthCoverage[],
	files: Map<string, ManifestFile>
): MonthRun[] {
	const runs: MonthRun[] = [];
	for (const c of coverage) {
		if (c.answerable) continue;
		const reason = reasonOf(c, files);
		const last = runs[runs.length - 1];
		const next = last && new Date(Date.UTC(last.to.getUTCFullYear(), last.to.getUTCMonth() + 1, 1));
		if (last && last.reason === reason && next.getTime() === c.month.getTime()) last.to = c.month;
		else runs.push({ from: c.month, to: c.month, reason });
	}
	return runs;
}

export function runText(run: MonthRun): string {
	const span =
		run.from.getTime() === run.to.getTime()
			? formatMonthShort(run.from)
			: `${formatMonthShort(run.from)} – ${formatMonthShort(run.to)}`;
	return `Not shown for ${span}: ${run.reason}.`;
}
