/*
 * Injected into every benchmarked page with `addInitScript`, before any page script runs.
 * Everything is timed with the page's own clock (`performance.now()`, 0 = navigation start), so
 * Playwright's polling and CDP round trips never enter a number.
 *
 * window.__bench:
 *  - longTasks: every main-thread long task (PerformanceObserver 'longtask', ≥ 50 ms);
 *  - paints: first-paint / first-contentful-paint;
 *  - headlineAt: first time [data-testid=headline] has a non-empty data-value and is visible (DOM);
 *    headlinePaintedAt: when the frame showing it had been rendered (see afterPaint);
 *  - chartsOk / chartsAt / chartsPaintedAt: whether "every chart drawn" holds now (see
 *    allChartsDrawn), when it last became true and when that frame had been rendered (chartsLostAt:
 *    last became false); a harness waits until it has held for a quiet window, so a chart added
 *    late moves chartsAt to when it, too, was drawn;
 *  - completeAt / completePaintedAt: first time the page's main result is final — the headline with
 *    both its value and its baseline value and its nearest `aria-busy` region not busy, or, on a
 *    page without a headline (an embed), the figure's frame no longer busy;
 *  - viewOk / viewAt / viewPaintedAt: the same, and every chart inside the viewport drawn with
 *    nothing in view `aria-busy` (viewAt: when that last became true);
 *  - stages: the loading panel's per-file stage changes ("label: reading" …), first time each seen;
 *  - arm(expect) / step: one interaction: the first click/input/change event after arm() is the
 *    start (its event.timeStamp), the first DOM state that `matches` after it is `end`, and the
 *    end of the frame that renders that state is `painted` — what is in the viewport is up to
 *    date. `allEnd` / `allPainted`: the same once every figure on the page is (off-screen ones
 *    included), i.e. nothing anywhere is `aria-busy`.
 */
(() => {
	if (window.__bench) return;
	const B = (window.__bench = {
		longTasks: [],
		paints: {},
		headlineAt: null,
		headlinePaintedAt: null,
		chartsAt: null,
		chartsPaintedAt: null,
		chartsLostAt: null,
		chartsOk: false,
		completeAt: null,
		completePaintedAt: null,
		viewAt: null,
		viewPaintedAt: null,
		viewOk: false,
		stages: {},
		step: null,
		errors: []
	});
	const now = () => performance.now();

	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				B.longTasks.push({ start: e.startTime, duration: e.duration, name: e.name });
		}).observe({ type: 'longtask', buffered: true });
	} catch (e) {
		B.errors.push(`longtask observer: ${e}`);
	}
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) B.paints[e.name] = e.startTime;
		}).observe({ type: 'paint', buffered: true });
	} catch (e) {
		B.errors.push(`paint observer: ${e}`);
	}
	addEventListener('error', (e) => B.errors.push(String(e.message)));

	/**
	 * Calls back with the time right after the next frame has been rendered: a task posted from
	 * requestAnimationFrame runs after that frame's style, layout and paint on the main thread.
	 */
	function afterPaint(cb) {
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => cb(now());
			channel.port2.postMessage(0);
		});
	}

	const visible = (el) =>
		!!el &&
		(typeof el.checkVisibility === 'function'
			? el.checkVisibility()
			: el.getClientRects().length > 0);

	/** A chart counts as drawn when it is laid out and has marks: a path with a `d`, or shapes. */
	function chartDrawn(svg) {
		if (!visible(svg)) return false;
		const box = svg.getBoundingClientRect();
		if (box.width === 0 || box.height === 0) return false;
		for (const p of svg.querySelectorAll('path'))
			if ((p.getAttribute('d') ?? '').trim()) return true;
		return (
			svg.querySelector(
				'rect[width]:not([width="0"]), circle[r]:not([r="0"]), polyline, polygon'
			) !== null
		);
	}

	function headlineReady() {
		const h = document.querySelector('[data-testid=headline]');
		return !!h && (h.getAttribute('data-value') ?? '') !== '' && visible(h);
	}

	/**
	 * Every `[data-testid=ready]` visible, at least one chart on the page, and every
	 * `svg[data-testid$="-chart"]` drawn and nothing `aria-busy` — on the whole page, or, with
	 * `inView`, among the elements inside the viewport.
	 */
	function allChartsDrawn(inView = false) {
		const ready = document.querySelectorAll('[data-testid=ready]');
		if (ready.length === 0) return false;
		for (const r of ready) if (!visible(r)) return false;
		const shown = (el) => !inView || inViewport(el);
		if ([...document.querySelectorAll('[aria-busy=true]')].some(shown)) return false;
		const charts = document.querySelectorAll('svg[data-testid$="-chart"]');
		if (charts.length === 0) return false;
		for (const c of charts) if (shown(c) && !chartDrawn(c)) return false;
		return true;
	}
	B.allChartsDrawn = allChartsDrawn;

	function complete() {
		const h = document.querySelector('[data-testid=headline]');
		if (h)
			return (
				visible(h) &&
				(h.getAttribute('data-value') ?? '') !== '' &&
				(h.getAttribute('data-baseline-value') ?? '') !== '' &&
				// The nearest region that says whether it is busy speaks for the headline.
				h.closest('[aria-busy]')?.getAttribute('aria-busy') !== 'true'
			);
		const embed = document.querySelector('[data-testid=embed-ready]');
		return !!embed && visible(embed) && embed.getAttribute('aria-busy') !== 'true';
	}

	/** Complete, and what the viewport shows is drawn: its charts have marks, nothing is busy. */
	function viewDrawn() {
		if (!complete()) return false;
		if ([...document.querySelectorAll('[aria-busy=true]')].some(inViewport)) return false;
		for (const c of document.querySelectorAll('svg[data-testid$="-chart"]'))
			if (inViewport(c) && !chartDrawn(c)) return false;
		return true;
	}
	B.headlineReady = headlineReady;

	/** What a filter change can alter: the headline's data attributes and every chart's marks. */
	function signature() {
		const h = document.querySelector('[data-testid=headline]');
		const attrs = h
			? ['data-month', 'data-baseline-month', 'data-value', 'data-baseline-value']
					.map((a) => h.getAttribute(a))
					.join('|')
			: '';
		const charts = [...document.querySelectorAll('svg[data-testid$="-chart"]')]
			.map(
				(c) =>
					[...c.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '').join(';').length +
					':' +
					c.querySelectorAll('*').length
			)
			.join(',');
		return { attrs, charts };
	}

	/** Whether any part of `el` is inside the viewport. */
	function inViewport(el) {
		const box = el.getBoundingClientRect();
		return (
			box.bottom > 0 &&
			box.right > 0 &&
			box.top < innerHeight &&
			box.left < innerWidth &&
			visible(el)
		);
	}

	/**
	 * The state an interaction waits for: the page went busy (or its headline or a chart changed)
	 * since the input, is no longer busy — in the viewport, or `everywhere` — every chart is drawn,
	 * and, when the harness knows them, the headline's month and values are the expected ones.
	 * (The app marks a figure it has not yet updated `aria-busy`.)
	 */
	function matches(s, everywhere) {
		const expect = s.expect;
		if (document.querySelector('[aria-busy=true]')) s.busySeen = true;
		const h = document.querySelector('[data-testid=headline]');
		if (expect.month || expect.value !== undefined) {
			if (!h || (h.getAttribute('data-value') ?? '') === '') return false;
			for (const [attr, key] of [
				['data-month', 'month'],
				['data-value', 'value'],
				['data-baseline-value', 'baselineValue']
			])
				if (
					expect[key] !== undefined &&
					expect[key] !== null &&
					h.getAttribute(attr) !== String(expect[key])
				)
					return false;
		}
		if (!s.busySeen) {
			const sig = signature();
			if (sig.attrs === s.before.attrs && sig.charts === s.before.charts) return false;
		}
		return allChartsDrawn(!everywhere);
	}

	function startOf(e) {
		const s = B.step;
		if (s && s.start === null) {
			s.start = e.timeStamp;
			s.startEvent = e.type;
		}
	}
	for (const type of ['click', 'input', 'change'])
		addEventListener(type, startOf, { capture: true });

	B.arm = (expect) => {
		B.step = {
			expect,
			before: signature(),
			busySeen: false,
			start: null,
			startEvent: null,
			end: null,
			painted: null,
			allEnd: null,
			allPainted: null
		};
	};

	/** `<name>Ok` holds now; `<name>At` / `<name>PaintedAt`: when it last became true, and its frame. */
	function track(name, holds, t) {
		if (holds && !B[`${name}Ok`]) {
			B[`${name}At`] = t;
			B[`${name}PaintedAt`] = null;
			afterPaint((p) => {
				if (B[`${name}At`] === t) B[`${name}PaintedAt`] = p;
			});
		}
		B[`${name}Ok`] = holds;
	}

	function check() {
		const t = now();
		if (B.headlineAt === null && headlineReady()) {
			B.headlineAt = t;
			afterPaint((p) => (B.headlinePaintedAt = p));
		}
		if (B.completeAt === null && complete()) {
			B.completeAt = t;
			afterPaint((p) => (B.completePaintedAt = p));
		}
		track('view', viewDrawn(), t);
		const drawn = allChartsDrawn();
		if (!drawn && B.chartsOk) B.chartsLostAt = t;
		track('charts', drawn, t);
		const loading = document.querySelectorAll('[data-testid=loading] li');
		for (const li of loading) {
			const m = /^(.*):\s*(\w+)\s*$/.exec((li.textContent ?? '').trim());
			if (!m) continue;
			const stages = (B.stages[m[1]] ??= {});
			stages[m[2]] ??= t;
		}
		const s = B.step;
		if (s && s.start !== null && s.end === null && matches(s, false)) {
			s.end = t;
			afterPaint((p) => (s.painted = p));
		}
		if (s && s.end !== null && s.allEnd === null && matches(s, true)) {
			s.allEnd = t;
			afterPaint((p) => (s.allPainted = p));
		}
	}
	B.check = check;

	const observer = new MutationObserver(check);
	const observe = () =>
		observer.observe(document, {
			subtree: true,
			childList: true,
			attributes: true,
			characterData: true
		});
	observe();
	// Layout-only changes (a chart getting its width) fire no mutation: look again on resize.
	addEventListener('resize', check);
})();
