import { conditionHolds, type ConditionContext } from '$lib/content/conditions';
import type { BankStatement, QuestionBank } from '$lib/content/question-bank';
import type { Terms } from '$lib/content/terms';
import { applyTerms } from '$lib/content/terms';
import { statementWording, type Audience, type Wording } from '$lib/content/wording';
import { isLivedExperienceRole, type WorkshopRole } from '$lib/model/workshop';

export interface FormItem {
	statement: BankStatement;
	wording: Wording;
	/** Part of the short set for this role; the rest can be opened on request. */
	inShortSet: boolean;
}

export interface FormPage {
	domainId: string;
	name: string;
	items: FormItem[];
}

/** Consumers and carers answer in plain, lived-experience wording; staff in the organisation's words. */
export const audienceFor = (role: WorkshopRole): Audience =>
	role === 'consumer' || role === 'carer' ? 'lived-experience' : 'participant';

/** Whether a role can judge a statement: the content says which roles can ("Other" sees everything). */
export const judges = (role: WorkshopRole, statement: BankStatement) =>
	role === 'other' || statement.judgedBy.includes(role);

/**
 * A participant's form: one page per domain, with the statements their role can judge; the rest
 * only when they choose to open them. Consumers and carers get a short set in plain words.
 */
export function participantForm(
	role: WorkshopRole,
	context: ConditionContext,
	bank: QuestionBank,
	terms: Terms,
	showAll: boolean
): { pages: FormPage[]; shortCount: number; totalCount: number } {
	const audience = audienceFor(role);
	let shortCount = 0;
	let totalCount = 0;
	const pages = bank.domains
		.map((d) => {
			const items = d.statements
				.filter((s) => conditionHolds(s.condition, context))
				.map((statement) => {
					const inShortSet = judges(role, statement);
					totalCount++;
					if (inShortSet) shortCount++;
					return {
						statement,
						inShortSet,
						wording: statementWording(
							statement,
							context,
							terms,
							inShortSet ? audience : 'participant'
						)
					};
				})
				.filter((item) => item.inShortSet || showAll);
			return { domainId: d.id, name: applyTerms(d.name, terms), items };
		})
		.filter((p) => p.items.length > 0);
	return { pages, shortCount, totalCount };
}

export { isLivedExperienceRole };
