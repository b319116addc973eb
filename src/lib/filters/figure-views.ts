/**
 * Every figure of the explorer by the id that the embed route takes as `view`, the downloads name
 * their files by, and the registry (`figures/registry.ts`) keys its figures by. Here, not in `figures/`, because
 * the downloads (`export/`) name files by it.
 */
export const FIGURE_VIEWS = [
	'headline',
	'sectors',
	'monthly',
	'small-multiples',
	'comparison',
	'map',
	'history',
	'composition',
	'states'
] as const;

export type FigureView = (typeof FIGURE_VIEWS)[number];

export function isFigureView(text: string | null): text is FigureView {
	return (FIGURE_VIEWS as readonly string[]).includes(text ?? '');
}
