/**
 * A chart's width: its box's on screen, and on paper the box's width in a page laid out at paper
 * width. Printing lays the page out without running resize observers, so a chart drawn for a
 * wide screen would be scaled down to the paper, its text with it. On `beforeprint` the page is
 * laid out at paper width (`:root.printing`, in print.css), every chart reads its box there and
 * redraws at once; `afterprint` gives the screen its layout back and every chart its width.
 */
import { flushSync } from 'svelte';
import type { Attachment } from 'svelte/attachments';

const charts = new Map<HTMLElement, (width: number) => void>();

/** Every chart at its box's width now (observers skip boxes off screen). */
function measureAll() {
	for (const [box, set] of charts) set(box.clientWidth);
	flushSync();
}

function beforePrint() {
	document.documentElement.classList.add('printing');
	measureAll();
}

function afterPrint() {
	document.documentElement.classList.remove('printing');
	measureAll();
}

let listening = false;

/** `{@attach chartWidth((w) => (width = w))}` on the box a chart fills. */
export function chartWidth(set: (width: number) => void): Attachment<HTMLElement> {
	return (box) => {
		if (!listening) {
			addEventListener('beforeprint', beforePrint);
			addEventListener('afterprint', afterPrint);
			listening = true;
		}
		const observer = new ResizeObserver(() => set(box.clientWidth));
		observer.observe(box);
		charts.set(box, set);
		return () => {
			observer.disconnect();
			charts.delete(box);
		};
	};
}
