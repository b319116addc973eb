/**
 * The app's one data state, shared by every page: the bundled files load once per visit, and
 * files a user adds on the data page are there in the explorer too.
 */
import { base } from '$app/paths';
import { bundledManifest } from '../domain/bundled-manifest';
import { DataState } from './data-state.svelte';

export const appData = new DataState(bundledManifest, base);
