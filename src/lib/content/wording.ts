import type { Rating } from '$lib/model/assessment';
import { conditionMet, type ConditionContext } from './conditions';
import type { BankStatement, QuestionBank } from './question-bank';
import type { Action } from './schema';
import { applyTerms, type Terms } from './terms';

/** Who is answering: the wording of "Don't know" and of the statement follows it. */
export type Audience = 'alone' | 'room' | 'participant' | 'lived-experience';

/** A statement's words as this organisation sees them: the wording that follows its decisions, in its terms. */
export type Wording = {
	readonly title: string;
	readonly text: string;
	readonly levels: readonly string[];
};

/**
 * The same words are asked for on every answer (scoring, the page, the progress list), so each
 * statement's wording is kept per variant, audience and set of terms: one object, never rebuilt.
 */
const wordings = new WeakMap<BankStatement, Map<string, Wording>>();

export function statementWording(
	statement: BankStatement,
	context: ConditionContext,
	terms: Terms,
	audience: Audience = 'alone'
): Wording {
	const plain = audience === 'lived-experience' && !!statement.plain;
	const variantIndex = plain
		? -1
		: (statement.variants?.findIndex((v) => conditionMet(v.when, context)) ?? -1);
	const key = `${plain}|${variantIndex}|${Object.values(terms).join('|')}`;
	let cached = wordings.get(statement);
	if (!cached) wordings.set(statement, (cached = new Map()));
	const known = cached.get(key);
	if (known) return known;
	const variant = variantIndex >= 0 ? statement.variants![variantIndex] : undefined;
	const source = plain
		? statement.plain!
		: { text: variant?.text ?? statement.text, levels: variant?.levels ?? statement.levels };
	const wording: Wording = Object.freeze({
		title: applyTerms(statement.title, terms),
		text: applyTerms(source.text, terms),
		levels: Object.freeze(source.levels.map((l) => applyTerms(l, terms)))
	});
	cached.set(key, wording);
	return wording;
}

/** An action's words: the variant that follows a recorded decision, or the general wording. */
export function actionWording(
	action: Action,
	context: ConditionContext,
	terms: Terms
): { title: string; text: string } {
	const variant = action.variants?.find((v) => conditionMet(v.when, context));
	return {
		title: applyTerms(variant?.title ?? action.title, terms),
		text: applyTerms(variant?.text ?? action.text, terms)
	};
}

export interface RatingChoice {
	value: Rating;
	label: string;
	description: string;
	/** Why the choice cannot be taken yet (shown beside it, the choice disabled). */
	unavailable?: string;
}

/** The one list of answers a statement offers: its five levels, then the answers that are not levels. */
export function ratingChoices(
	statement: BankStatement,
	levels: readonly string[],
	bank: QuestionBank,
	terms: Terms,
	options: { audience: Audience; notApplicableUnavailable?: string }
): RatingChoice[] {
	const { scale } = bank;
	const lived = options.audience === 'lived-experience';
	const choices: RatingChoice[] = levels.map((description, level) => ({
		value: level as Rating,
		label: lived ? String(level) : `${level} · ${applyTerms(scale.levels[level]!, terms)}`,
		description
	}));
	choices.push({
		value: 'dont-know',
		label: scale.dontKnow.label,
		description:
			options.audience === 'alone'
				? scale.dontKnow.alone
				: options.audience === 'room'
					? scale.dontKnow.room
					: scale.dontKnow.participant
	});
	if (statement.allowDeclined)
		choices.push(
			lived
				? { value: 'declined', label: scale.declined.plain, description: '' }
				: {
						value: 'declined',
						label: scale.declined.label,
						description: scale.declined.description
					}
		);
	if (statement.allowNotApplicable && statement.notApplicableMeans)
		choices.push({
			value: 'not-applicable',
			label: scale.notApplicable.label,
			description: applyTerms(statement.notApplicableMeans, terms),
			unavailable: options.notApplicableUnavailable
		});
	return choices;
}
