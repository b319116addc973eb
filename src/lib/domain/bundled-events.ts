/** The cited policy and definition dates (data/events.csv): a few lines, shipped inside the code. */
import eventsCsv from '$data/events.csv?raw';
import { parseEventsCsv } from './events';

export const bundledEvents = parseEventsCsv(eventsCsv);
