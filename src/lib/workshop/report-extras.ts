import type { Assessment } from '$lib/assessment/types';
import { bank } from '$lib/content';
import { applyTerms, resolveTerms } from '$lib/content/terms';
import type { DisagreementSummary } from '$lib/report/build-report';
import { deviceWorkshops } from './device';
import { aggregate, formatLevel } from './aggregate';
import { roleLabel, type Workshop } from './types';

/** The anonymised disagreement picture for a workshop report: counts per role and the hotspots. */
export function disagreementSummary(
	workshop: Workshop,
	assessment: Assessment
): DisagreementSummary {
	const picture = aggregate(workshop, assessment.profile, assessment.decisions, bank);
	const terms = resolveTerms(assessment.profile, bank.terminology);
	return {
		participantsByRole: picture.byRole.map((r) => ({ role: roleLabel(r.role), count: r.count })),
		hotspots: picture.hotspots.map((h) => ({
			id: h.id,
			text: applyTerms(bank.statementById.get(h.id)!.text, terms),
			spread: `${formatLevel(h.min)} to ${formatLevel(h.max)} (median ${formatLevel(h.median)})`,
			roles: h.byRole.map((r) => `${roleLabel(r.role)} ${formatLevel(r.median)}`).join('; ')
		}))
	};
}

/** For a workshop's consensus assessment, the disagreement section of its report; nothing otherwise. */
export function workshopExtrasFor(assessment: Assessment): { disagreement?: DisagreementSummary } {
	if (!assessment.workshopId) return {};
	const loaded = deviceWorkshops().load(assessment.workshopId);
	return loaded?.ok ? { disagreement: disagreementSummary(loaded.value, assessment) } : {};
}
