/** The manifest of the files bundled with the app (small JSON, imported at build time). */
import manifestJson from '$data/manifest.json';
import type { Manifest } from './manifest';

export const bundledManifest = manifestJson as Manifest;
