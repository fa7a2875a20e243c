import { localIsoDate } from './dates';

/** A file-name-safe slug: letters and digits from any script, joined by hyphens. */
export function slug(text: string, fallback = 'organisation'): string {
	const s = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return s || fallback;
}

/** "harbour-mental-health-readiness-plan-2026-11-30.pdf", dated in the user's time zone. */
export function fileName(
	organisation: string,
	kind: string,
	extension: string,
	date = new Date()
): string {
	return `${slug(organisation)}-${kind}-${localIsoDate(date)}.${extension}`;
}
