import { bank } from '$lib/content';
import type { PageServerLoad } from './$types';

// Read from the question bank when the page is prerendered, so the first page does not download the bank.
export const load: PageServerLoad = () => ({
	statementCount: bank.statements.length,
	domainCount: bank.domains.length
});
