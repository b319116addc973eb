/*
 * Baseline for `npm run bench`: USBP Southwest-border encounters for the latest month against the
 * same month a year earlier (sum over the 9 Southwest sectors) and the monthly series as an SVG
 * line, from the same CSVs the app reads, with papaparse and plain arrays.
 *
 * Same rules as data/README.md: for each month the highest-precedence `encounters` file whose
 * manifest coverage (and USBP Southwest scope) includes it supplies every sector of that month
 * (newest AOR release, then the derived sector file, then the PDF series); a sector absent from the
 * winning file counts 0.
 */
/* global Papa */
(function () {
	'use strict';
	const SECTORS = ['SDC', 'ELC', 'YUM', 'TCA', 'EPT', 'BBT', 'DRT', 'LRT', 'RGV']; // west to east
	const PDF_NAMES = {
		'San Diego': 'SDC',
		'El Centro': 'ELC',
		Yuma: 'YUM',
		Tucson: 'TCA',
		'El Paso': 'EPT',
		'Big Bend': 'BBT',
		'Del Rio': 'DRT',
		Laredo: 'LRT',
		'Rio Grande Valley': 'RGV'
	};
	const ABBR = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
	const TIER = { aor: 3, 'sector-derived': 2, 'sector-pdf': 1 };
	const USBP = 'U.S. Border Patrol';
	const SW = 'Southwest Land Border';

	/** A month is the integer year * 12 + (month - 1). */
	const monthOfKey = (k) => +k.slice(0, 4) * 12 + (+k.slice(5, 7) - 1);
	const keyOfMonth = (i) => {
		const y = Math.floor(i / 12);
		const m = i - y * 12 + 1;
		return y + '-' + (m < 10 ? '0' : '') + m;
	};
	function monthOfFiscal(fyText, abbr) {
		const fy = parseInt(fyText, 10);
		const i = ABBR.indexOf(abbr.trim().toUpperCase());
		return (i >= 9 ? fy - 1 : fy) * 12 + i;
	}

	/** Parses one file into month → Float64Array(9) of USBP Southwest counts by sector. */
	function aggregate(file, text) {
		const parsed = Papa.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
			header: false,
			skipEmptyLines: true
		});
		const rows = parsed.data;
		const head = rows[0];
		const col = (name) => {
			const i = head.indexOf(name);
			if (i < 0) throw new Error(file.path + ': no column ' + name);
			return i;
		};
		const byMonth = new Map();
		const add = (month, sector, n) => {
			const s = SECTORS.indexOf(sector);
			if (s < 0) return;
			let a = byMonth.get(month);
			if (!a) byMonth.set(month, (a = new Float64Array(SECTORS.length)));
			a[s] += n;
		};
		if (file.layout === 'aor') {
			const fy = col('Fiscal Year'),
				mo = col('Month (abbv)'),
				comp = col('Component');
			const reg = col('Land Border Region'),
				aor = col('AOR (Abbv)'),
				cnt = col('Encounter Count');
			for (let r = 1; r < rows.length; r++) {
				const row = rows[r];
				if (row[comp] !== USBP || row[reg] !== SW) continue;
				add(monthOfFiscal(row[fy], row[mo]), row[aor], +row[cnt]);
			}
		} else if (file.layout === 'sector-derived') {
			const mo = col('month'),
				comp = col('component'),
				reg = col('land_border_region');
			const aor = col('aor_abbv'),
				cnt = col('encounter_count');
			for (let r = 1; r < rows.length; r++) {
				const row = rows[r];
				if (row[comp] !== USBP || row[reg] !== SW) continue;
				add(monthOfKey(row[mo]), row[aor], +row[cnt]);
			}
		} else if (file.layout === 'sector-pdf') {
			const mo = col('month'),
				reg = col('land_border_region'),
				sec = col('sector');
			const cnt = col('encounters');
			for (let r = 1; r < rows.length; r++) {
				const row = rows[r];
				if (row[reg] !== SW) continue;
				add(monthOfKey(row[mo]), PDF_NAMES[row[sec]], +row[cnt]);
			}
		}
		return byMonth;
	}

	const el = (tag, attrs, text) => {
		const ns = tag === 'svg' || tag === 'path' ? 'http://www.w3.org/2000/svg' : null;
		const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
		for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
		if (text !== undefined) e.textContent = text;
		return e;
	};
	const fmt = (n) => (n === null ? '—' : n.toLocaleString('en-US'));

	async function main() {
		const manifest = await (await fetch('./manifest.json')).json();
		const files = manifest.files
			.filter(
				(f) =>
					f.role === 'encounters' &&
					TIER[f.layout] &&
					f.scope.components.includes('usbp') &&
					f.scope.regions.includes('southwest')
			)
			.sort(
				(a, b) =>
					TIER[b.layout] - TIER[a.layout] ||
					(b.release < a.release ? -1 : b.release > a.release ? 1 : 0)
			);
		// Fetch all in parallel; parse each as soon as it arrives.
		const data = await Promise.all(
			files.map(async (f) => {
				const res = await fetch('../data/' + encodeURIComponent(f.path));
				if (!res.ok) throw new Error(f.path + ': HTTP ' + res.status);
				return aggregate(f, await res.text());
			})
		);
		const from = Math.min(...files.map((f) => monthOfKey(f.coverage.from)));
		let last = -Infinity;
		for (const d of data) for (const m of d.keys()) last = Math.max(last, m);
		/** Winning file's sector counts for a month (zeros where the winner has no row), or null. */
		const zero = new Float64Array(SECTORS.length);
		const bySector = (m) => {
			for (let i = 0; i < files.length; i++) {
				const c = files[i].coverage;
				if (monthOfKey(c.from) <= m && m <= monthOfKey(c.to)) return data[i].get(m) || zero;
			}
			return null;
		};
		const total = (m, sectors) => {
			const a = bySector(m);
			if (!a) return null;
			let t = 0;
			for (let s = 0; s < SECTORS.length; s++)
				if (!sectors || !sectors.length || sectors.includes(SECTORS[s])) t += a[s];
			return t;
		};
		/** For checking the app: the same headline for a month key (null = latest) and sectors. */
		window.__baselineHeadline = (monthKey, sectors) => {
			const m = monthKey ? monthOfKey(monthKey) : last;
			return {
				month: keyOfMonth(m),
				baselineMonth: keyOfMonth(m - 12),
				value: total(m, sectors),
				baselineValue: total(m - 12, sectors)
			};
		};

		const months = [];
		const values = [];
		for (let m = from; m <= last; m++) {
			months.push(m);
			values.push(total(m, null));
		}
		const h = window.__baselineHeadline(null, []);
		const change = h.baselineValue ? ((h.value - h.baselineValue) / h.baselineValue) * 100 : null;

		const root = document.getElementById('root');
		const page = el('div', { 'data-testid': 'ready' });
		const head = el('section', {
			'data-testid': 'headline',
			'data-month': h.month,
			'data-baseline-month': h.baselineMonth,
			'data-value': String(h.value),
			'data-baseline-value': String(h.baselineValue),
			'data-change-pct': change === null ? '' : change.toFixed(2)
		});
		head.append(
			el(
				'h2',
				{},
				'U.S. Border Patrol recorded ' +
					fmt(h.value) +
					' encounters at the Southwest land border in ' +
					h.month +
					' against ' +
					fmt(h.baselineValue) +
					' in ' +
					h.baselineMonth +
					'.'
			),
			el('span', { class: 'big' }, fmt(h.value)),
			el('span', { class: 'big' }, fmt(h.baselineValue)),
			el('span', { class: 'big' }, change === null ? '—' : change.toFixed(1) + '%')
		);
		const table = el('table', { 'data-testid': 'sector-table' });
		const tbody = el('tbody');
		const now = bySector(last),
			before = bySector(last - 12);
		SECTORS.forEach((code, s) => {
			const tr = el('tr', {
				'data-sector': code,
				'data-value': String(now[s]),
				'data-baseline-value': String(before ? before[s] : '')
			});
			tr.append(
				el('th', {}, code),
				el('td', {}, fmt(before ? before[s] : null)),
				el('td', {}, fmt(now[s]))
			);
			tbody.append(tr);
		});
		table.append(tbody);

		const W = 800,
			H = 360,
			L = 56,
			R = 16,
			T = 16,
			B = 36;
		let max = 0;
		for (const v of values) if (v !== null && v > max) max = v;
		const x = (i) => L + (i / Math.max(1, months.length - 1)) * (W - L - R);
		const y = (v) => H - B - (v / (max || 1)) * (H - T - B);
		let d = '';
		let pen = false;
		for (let i = 0; i < values.length; i++) {
			if (values[i] === null) {
				pen = false;
				continue;
			}
			d += (pen ? 'L' : 'M') + x(i).toFixed(1) + ',' + y(values[i]).toFixed(1);
			pen = true;
		}
		const svg = el('svg', {
			viewBox: '0 0 ' + W + ' ' + H,
			width: W,
			height: H,
			'data-testid': 'monthly-chart'
		});
		svg.append(el('path', { class: 'line', d }));
		page.append(head, table, svg);
		document.getElementById('status').remove();
		root.append(page);
	}

	main().catch((e) => {
		document.getElementById('status').textContent = 'Baseline failed: ' + e.message;
		document.getElementById('status').setAttribute('data-testid', 'load-error');
		throw e;
	});
})();
