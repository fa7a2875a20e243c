import actions from './data/actions.json';
import candidate from './data/candidate.json';
import changes from './data/changes.json';
import decisions from './data/decisions.json';
import evidence from './data/evidence.json';
import meta from './data/meta.json';
import scale from './data/scale.json';
import terminology from './data/terminology.json';
import { buildQuestionBank, type RawContent } from './question-bank';

const domainFiles = import.meta.glob<{ default: unknown }>('./data/domains/*.json', {
	eager: true
});

export const rawContent: RawContent = {
	domains: Object.fromEntries(
		Object.entries(domainFiles).map(([path, mod]) => [path.replace('./data/', ''), mod.default])
	),
	decisions,
	actions,
	evidence,
	terminology,
	scale,
	changes,
	candidate,
	meta
};

/** The validated question bank: checked once, when this module is first imported. */
export const bank = buildQuestionBank(rawContent);

export type { QuestionBank, Domain, BankStatement } from './question-bank';
export type * from './schema';
