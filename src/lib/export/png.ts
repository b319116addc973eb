/**
 * A figure's SVG drawn to a canvas at 2x (or any scale) and written as PNG, in the browser. The
 * SVG is loaded from a Blob URL (same origin, so the canvas stays readable); it holds no external
 * references, so nothing is fetched.
 */
export async function svgToPng(
	svg: string,
	width: number,
	height: number,
	scale = 2
): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('This browser cannot draw to a canvas.');
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be written.'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
