/**
 * Runs `run` in the first idle time after the next frame, or in a task after it where the
 * browser has no idle callbacks: work the user does not see at once (figures out of view, the
 * address bar) then never holds up the frame that shows a change, nor the next input. A hidden
 * page draws no frames: there it runs in a task.
 */
export function afterFrame(run: () => void): void {
	if (document.visibilityState === 'hidden') {
		setTimeout(run);
		return;
	}
	requestAnimationFrame(() => {
		// The timeout bounds the wait on a page that is never idle.
		if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
		else setTimeout(run);
	});
}
