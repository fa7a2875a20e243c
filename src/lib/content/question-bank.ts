import * as v from 'valibot';
import {
	ActionSchema,
	CandidatePageSchema,
	ChangesSchema,
	DecisionsFileSchema,
	DomainSchema,
	EvidenceSchema,
	MetaSchema,
	ScaleSchema,
	TerminologySchema,
	type Action,
	type CandidatePage,
	type Condition,
	type ContentChange,
	type Decision,
	type DecisionGroup,
	type DomainData,
	type Evidence,
	type Scale,
	type Statement,
	type Terminology
} from './schema';
import { PLACEHOLDERS } from './terms';
import { byCodeUnits } from '$lib/model/order';

/** Addresses the wizard and the assessment's other pages already use. */
const RESERVED_SLUGS = [
	'about',
	'review',
	'results',
	'plan',
	'report',
	'compare',
	'candidates',
	'new'
];

export type BankStatement = Statement & { domainId: string };

export interface Domain extends Omit<DomainData, 'statements'> {
	statements: BankStatement[];
}

export interface QuestionBank {
	version: string;
	domains: Domain[];
	statements: BankStatement[];
	statementById: ReadonlyMap<string, BankStatement>;
	decisions: Decision[];
	decisionGroups: DecisionGroup[];
	decisionById: ReadonlyMap<string, Decision>;
	actions: Action[];
	actionById: ReadonlyMap<string, Action>;
	evidence: Evidence;
	terminology: Terminology;
	scale: Scale;
	changes: ContentChange[];
	candidate: CandidatePage;
}

/** The raw files, keyed the way they are named on disk so errors can point at them. */
export interface RawContent {
	domains: Record<string, unknown>;
	decisions: unknown;
	actions: unknown;
	evidence: unknown;
	terminology: unknown;
	scale: unknown;
	changes: unknown;
	candidate: unknown;
	meta: unknown;
}

export class ContentError extends Error {
	constructor(readonly problems: string[]) {
		super(`The question bank has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
		this.name = 'ContentError';
	}
}

function parse<S extends v.GenericSchema>(
	schema: S,
	input: unknown,
	file: string,
	problems: string[]
): v.InferOutput<S> | undefined {
	const result = v.safeParse(schema, input);
	if (result.success) return result.output;
	for (const issue of result.issues) {
		const path = v.getDotPath(issue);
		problems.push(`${file}${path ? ` › ${path}` : ''}: ${issue.message}`);
	}
	return undefined;
}

function duplicatesIn(ids: readonly string[], what: string, problems: string[]) {
	const seen = new Set<string>();
	for (const id of ids) {
		if (seen.has(id)) problems.push(`duplicate ${what} id "${id}"`);
		seen.add(id);
	}
}

/**
 * Validates the questionnaire once: shape first (valibot), then every cross-reference,
 * so that a content edit that breaks the bank fails loudly with the place named.
 */
export function buildQuestionBank(raw: RawContent): QuestionBank {
	const problems: string[] = [];
	const meta = parse(MetaSchema, raw.meta, 'meta.json', problems);
	const evidence = parse(EvidenceSchema, raw.evidence, 'evidence.json', problems);
	const terminology = parse(TerminologySchema, raw.terminology, 'terminology.json', problems);
	const scale = parse(ScaleSchema, raw.scale, 'scale.json', problems);
	const changes = parse(ChangesSchema, raw.changes, 'changes.json', problems) ?? [];
	const candidate = parse(CandidatePageSchema, raw.candidate, 'candidate.json', problems);
	const decisionsFile = parse(DecisionsFileSchema, raw.decisions, 'decisions.json', problems);
	const actions = parse(v.array(ActionSchema), raw.actions, 'actions.json', problems) ?? [];
	const domains: Domain[] = [];
	for (const [file, data] of Object.entries(raw.domains).sort(([a], [b]) => byCodeUnits(a, b))) {
		const domain = parse(DomainSchema, data, file, problems);
		if (domain)
			domains.push({
				...domain,
				statements: domain.statements.map((s) => ({ ...s, domainId: domain.id }))
			});
	}
	domains.sort((a, b) => a.order - b.order);
	if (
		problems.length > 0 ||
		!meta ||
		!evidence ||
		!terminology ||
		!scale ||
		!decisionsFile ||
		!candidate
	)
		throw new ContentError(problems);

	const { decisions, groups: decisionGroups } = decisionsFile;
	const statements = domains.flatMap((d) => d.statements);
	const statementById = new Map(statements.map((s) => [s.id, s]));
	const decisionById = new Map(decisions.map((d) => [d.id, d]));
	const actionById = new Map(actions.map((a) => [a.id, a]));
	const strengthOf = new Map(evidence.recommendations.map((r) => [r.id, r.strength]));

	duplicatesIn(
		domains.map((d) => d.id),
		'domain',
		problems
	);
	duplicatesIn([...domains.map((d) => d.slug), ...RESERVED_SLUGS], 'domain slug', problems);
	duplicatesIn(
		statements.map((s) => s.id),
		'statement',
		problems
	);
	duplicatesIn(
		decisions.map((d) => d.id),
		'decision',
		problems
	);
	duplicatesIn(
		decisionGroups.map((g) => g.id),
		'decision group',
		problems
	);
	duplicatesIn(
		actions.map((a) => a.id),
		'action',
		problems
	);
	for (const decision of decisions)
		duplicatesIn(
			decision.options.map((o) => o.id),
			`option in decision "${decision.id}"`,
			problems
		);

	const checkCondition = (condition: Condition | undefined, where: string) => {
		for (const [i, clause] of (condition ?? []).entries()) {
			const place = `${where} › condition[${i}]`;
			if (clause.when === 'profile.bpdSpecific') {
				for (const value of clause.anyOf)
					if (value !== 'yes' && value !== 'no')
						problems.push(`${place}: profile.bpdSpecific is "yes" or "no", not "${value}"`);
				continue;
			}
			const decisionId = clause.when.slice('decision.'.length);
			const decision = decisionById.get(decisionId);
			if (!decision) {
				problems.push(`${place}: refers to unknown decision "${decisionId}"`);
				continue;
			}
			for (const value of clause.anyOf)
				if (!decision.options.some((o) => o.id === value))
					problems.push(`${place}: "${value}" is not an option of decision "${decisionId}"`);
		}
	};

	const checkPlaceholders = (text: string, where: string) => {
		for (const match of text.matchAll(/\{([^}]*)\}/g))
			if (!PLACEHOLDERS.includes(match[1] as (typeof PLACEHOLDERS)[number]))
				problems.push(`${where}: unknown placeholder {${match[1]}}`);
	};

	for (const domain of domains) {
		checkPlaceholders(domain.name, `domain ${domain.id} › name`);
		checkPlaceholders(domain.purpose, `domain ${domain.id} › purpose`);
		for (const s of domain.statements) checkStatement(s, domain.id);
	}

	function checkStatement(s: BankStatement, domainId: string) {
		const where = `statement ${s.id}`;
		if (!s.id.startsWith(`${domainId}-`))
			problems.push(`${where}: id must start with its domain "${domainId}-"`);
		if (s.recommendations.length + s.kentFactors.length === 0)
			problems.push(`${where}: must trace to at least one recommendation or Kent factor`);
		if ((s.critical || s.criticalWhen) && !actions.some((a) => a.addresses.includes(s.id)))
			problems.push(`${where}: is critical but no action addresses it`);
		if (s.critical && s.criticalWhen)
			problems.push(`${where}: is always critical, so criticalWhen has no effect`);
		if (s.allowNotApplicable && !s.notApplicableMeans)
			problems.push(`${where} › notApplicableMeans: say what "Not applicable" means here`);
		if (s.notApplicableRequires) {
			if (!s.allowNotApplicable)
				problems.push(`${where} › notApplicableRequires: "Not applicable" is not allowed here`);
			if (!statementById.has(s.notApplicableRequires.statement))
				problems.push(
					`${where} › notApplicableRequires: unknown statement "${s.notApplicableRequires.statement}"`
				);
		}
		if (s.imperative) {
			const r = s.imperative.recommendation;
			if (!s.recommendations.includes(r))
				problems.push(`${where} › imperative: ${r} is not among the statement's recommendations`);
			if (strengthOf.get(r) !== 'imperative')
				problems.push(
					`${where} › imperative: ${r} is worded "Consider", so it cannot double the weight`
				);
		}
		if (s.allowDeclined) {
			if (s.critical || s.criticalWhen)
				problems.push(`${where} › allowDeclined: a critical statement cannot be declined`);
			if (!s.recommendations.some((r) => strengthOf.get(r) === 'consider'))
				problems.push(
					`${where} › allowDeclined: only statements built on a "Consider" recommendation may offer it`
				);
		}
		if (s.candidate && !candidate!.sections.some((c) => c.id === s.candidate!.section))
			problems.push(`${where} › candidate.section: unknown section "${s.candidate.section}"`);
		const lived = s.judgedBy.some((r) => r === 'consumer' || r === 'carer');
		if (lived && !s.plain)
			problems.push(
				`${where} › plain: consumers or carers judge it, so give plain wording for them`
			);
		if (!lived && s.plain)
			problems.push(
				`${where} › plain: only statements judged by consumers or carers need plain wording`
			);
		checkCondition(s.condition, where);
		checkCondition(s.criticalWhen, `${where} › criticalWhen`);
		const texts: [string, string | undefined][] = [
			['title', s.title],
			['text', s.text],
			['why', s.why],
			['notApplicableMeans', s.notApplicableMeans],
			['rateWithLivedExperience', s.rateWithLivedExperience],
			['imperative.reason', s.imperative?.reason],
			['plain.text', s.plain?.text],
			['board', s.board],
			['candidate.text', s.candidate?.text]
		];
		for (const [field, value] of texts) if (value) checkPlaceholders(value, `${where} › ${field}`);
		s.levels.forEach((level, i) => checkPlaceholders(level, `${where} › levels[${i}]`));
		s.plain?.levels.forEach((level, i) =>
			checkPlaceholders(level, `${where} › plain.levels[${i}]`)
		);
		for (const [i, variant] of (s.variants ?? []).entries()) {
			const place = `${where} › variants[${i}]`;
			if (variant.when.some((c) => !c.when.startsWith('decision.')))
				problems.push(`${place}: wording can follow decisions only`);
			checkCondition(variant.when, place);
			checkPlaceholders(variant.text, `${place} › text`);
			variant.levels?.forEach((level, j) => checkPlaceholders(level, `${place} › levels[${j}]`));
		}
	}

	for (const action of actions) {
		const where = `action ${action.id}`;
		for (const target of action.addresses)
			if (!statementById.has(target))
				problems.push(`${where} › addresses: unknown statement "${target}"`);
		checkPlaceholders(action.title, `${where} › title`);
		checkPlaceholders(action.text, `${where} › text`);
		for (const [i, variant] of (action.variants ?? []).entries()) {
			checkCondition(variant.when, `${where} › variants[${i}]`);
			checkPlaceholders(variant.text, `${where} › variants[${i}] › text`);
			if (variant.title) checkPlaceholders(variant.title, `${where} › variants[${i}] › title`);
		}
	}
	for (const decision of decisions) {
		const where = `decision ${decision.id}`;
		if (decision.step === 'decisions' && !decisionGroups.some((g) => g.id === decision.group))
			problems.push(`${where} › group: unknown group "${decision.group}"`);
		checkCondition(decision.condition, where);
		checkPlaceholders(decision.title, `${where} › title`);
		checkPlaceholders(decision.question, `${where} › question`);
		decision.options.forEach((o, i) => {
			checkPlaceholders(o.label, `${where} › options[${i}] › label`);
			checkPlaceholders(o.evidence, `${where} › options[${i}] › evidence`);
		});
	}
	for (const group of decisionGroups)
		checkPlaceholders(group.intro, `decision group ${group.id} › intro`);
	checkPlaceholders(candidate.title, 'candidate.json › title');

	for (const [i, change] of changes.entries()) {
		const where = `changes.json › [${i}] (${change.version})`;
		for (const { id } of change.rerate)
			if (!statementById.has(id)) problems.push(`${where} › rerate: unknown statement "${id}"`);
		for (const { id, replacedBy } of change.removed) {
			if (statementById.has(id)) problems.push(`${where} › removed: "${id}" is still in the bank`);
			if (replacedBy && !statementById.has(replacedBy))
				problems.push(`${where} › removed: unknown replacement "${replacedBy}"`);
		}
		for (const id of change.added)
			if (!statementById.has(id)) problems.push(`${where} › added: unknown statement "${id}"`);
	}
	if (changes.length && changes.at(-1)!.version !== meta.version)
		problems.push(`changes.json: the last entry must be for the current version ${meta.version}`);

	if (problems.length > 0) throw new ContentError(problems);

	return {
		version: meta.version,
		domains,
		statements,
		statementById,
		decisions,
		decisionGroups,
		decisionById,
		actions,
		actionById,
		evidence,
		terminology,
		scale,
		changes,
		candidate
	};
}
