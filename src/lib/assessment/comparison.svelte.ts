import { bank } from '$lib/content';
import type { Assessment } from '$lib/model/assessment';
import { applyChange } from '$lib/model/changes';
import { LIMITS } from '$lib/model/limits';
import { scoreAssessment } from '$lib/scoring';
import { compareResults, type Comparison } from '$lib/scoring/compare';
import { readAssessmentText } from '$lib/storage/validate';
import { readTextFile } from '$lib/browser/download';
import { contentUpgrade } from './content-upgrade';
import { displayTitle } from './create';
import type { AssessmentSession } from './session.svelte';

/** An earlier assessment brought to the current question bank, so reworded statements are not compared. */
function current(earlier: Assessment): Assessment {
	const upgrade = contentUpgrade(earlier, bank);
	if (!upgrade) return earlier;
	const copy = structuredClone(earlier);
	applyChange(copy, upgrade.change);
	return copy;
}

/** Comparing the open assessment with an earlier one: from this device, or from a save file. */
export class ComparisonView {
	earlier: Assessment | null = $state(null);
	message = $state('');
	readonly comparison: Comparison | null;

	constructor(
		readonly session: AssessmentSession,
		/** The other assessments on this device, newest first. */
		readonly others: Assessment[]
	) {
		this.comparison = $derived(
			this.earlier
				? compareResults(scoreAssessment(current(this.earlier), bank), session.result)
				: null
		);
	}

	choose(id: string) {
		this.earlier = this.others.find((a) => a.id === id) ?? null;
		this.message = '';
	}

	async loadFile(file: File) {
		try {
			const read = readAssessmentText(await readTextFile(file, LIMITS.fileChars), {
				allowRepair: false
			});
			if (!read.ok) {
				this.message = `That file could not be used: ${read.message}`;
				return;
			}
			this.earlier = read.assessment;
			this.message = `Loaded ${displayTitle(read.assessment)} for comparison. It has not been saved to this device.`;
		} catch (error) {
			this.message = (error as Error).message;
		}
	}
}
