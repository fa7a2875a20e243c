import type { Condition } from './schema';

export interface ConditionContext {
	decisions: Readonly<Record<string, string>>;
	bpdSpecific: 'yes' | 'no';
}

/**
 * A condition holds when every clause holds. A clause about a decision not yet made holds too:
 * until the organisation chooses, the statement stays in view rather than silently disappearing.
 */
export function conditionHolds(
	condition: Condition | undefined,
	context: ConditionContext
): boolean {
	if (!condition) return true;
	return condition.every((clause) => {
		const value =
			clause.when === 'profile.bpdSpecific'
				? context.bpdSpecific
				: context.decisions[clause.when.slice('decision.'.length)];
		return value === undefined || clause.anyOf.includes(value);
	});
}
