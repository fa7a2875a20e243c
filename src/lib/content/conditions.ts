import type { Condition } from './schema';

export interface ConditionContext {
	decisions: Readonly<Record<string, string>>;
	/** Absent until the organisation chooses. */
	bpdSpecific: 'yes' | 'no' | undefined;
}

/** The choices conditions read, from a record of them: an assessment, an invitation, scoring's input. */
export const conditionContextOf = (record: {
	profile: { bpdSpecific?: 'yes' | 'no' };
	decisions: Readonly<Record<string, string>>;
}): ConditionContext => ({ decisions: record.decisions, bpdSpecific: record.profile.bpdSpecific });

function valueOf(when: string, context: ConditionContext): string | undefined {
	return when === 'profile.bpdSpecific'
		? context.bpdSpecific
		: context.decisions[when.slice('decision.'.length)];
}

/**
 * Whether a statement applies. A clause about a choice not yet made holds: until the organisation
 * chooses, the statement stays in view rather than silently disappearing.
 */
export function conditionHolds(
	condition: Condition | undefined,
	context: ConditionContext
): boolean {
	if (!condition) return true;
	return condition.every((clause) => {
		const value = valueOf(clause.when, context);
		return value === undefined || clause.anyOf.includes(value);
	});
}

/**
 * Whether every choice the condition names has been made, and matches. Wording that follows a
 * decision, and criticality that depends on one, apply only once the decision is recorded.
 */
export function conditionMet(condition: Condition | undefined, context: ConditionContext): boolean {
	if (!condition) return false;
	return condition.every((clause) => {
		const value = valueOf(clause.when, context);
		return value !== undefined && clause.anyOf.includes(value);
	});
}
