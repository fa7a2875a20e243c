import * as v from 'valibot';
import {
	ActionSchema,
	DecisionSchema,
	DomainSchema,
	EvidenceSchema,
	MetaSchema,
	TerminologySchema,
	type Action,
	type Condition,
	type Decision,
	type DomainData,
	type Evidence,
	type Statement,
	type Terminology
} from './schema';
import { PLACEHOLDERS } from './terms';

export interface Domain extends Omit<DomainData, 'statements'> {
	statements: (Statement & { domainId: string })[];
}

export interface QuestionBank {
	version: string;
	domains: Domain[];
	statements: (Statement & { domainId: string })[];
	statementById: ReadonlyMap<string, Statement & { domainId: string }>;
	decisions: Decision[];
	decisionById: ReadonlyMap<string, Decision>;
	actions: Action[];
	actionById: ReadonlyMap<string, Action>;
	evidence: Evidence;
	terminology: Terminology;
}

/** The raw files, keyed the way they are named on disk so errors can point at them. */
export interface RawContent {
	domains: Record<string, unknown>;
	decisions: unknown;
	actions: unknown;
	evidence: unknown;
	terminology: unknown;
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

/**
 * Validates the questionnaire once: shape first (valibot), then every cross-reference,
 * so that a content edit that breaks the bank fails loudly with the place named.
 */
export function buildQuestionBank(raw: RawContent): QuestionBank {
	const problems: string[] = [];
	const meta = parse(MetaSchema, raw.meta, 'meta.json', problems);
	const evidence = parse(EvidenceSchema, raw.evidence, 'evidence.json', problems);
	const terminology = parse(TerminologySchema, raw.terminology, 'terminology.json', problems);
	const decisions = parse(v.array(DecisionSchema), raw.decisions, 'decisions.json', problems) ?? [];
	const actions = parse(v.array(ActionSchema), raw.actions, 'actions.json', problems) ?? [];
	const domainFiles = Object.entries(raw.domains).sort(([a], [b]) => a.localeCompare(b));
	const domains: Domain[] = [];
	for (const [file, data] of domainFiles) {
		const domain = parse(DomainSchema, data, file, problems);
		if (domain) {
			domains.push({
				...domain,
				statements: domain.statements.map((s) => ({ ...s, domainId: domain.id }))
			});
		}
	}
	domains.sort((a, b) => a.order - b.order);
	if (problems.length > 0 || !meta || !evidence || !terminology) throw new ContentError(problems);

	const statements = domains.flatMap((d) => d.statements);
	const statementById = new Map(statements.map((s) => [s.id, s]));
	const decisionById = new Map(decisions.map((d) => [d.id, d]));
	const actionById = new Map(actions.map((a) => [a.id, a]));

	const duplicates = (ids: string[], what: string) => {
		const seen = new Set<string>();
		for (const id of ids) {
			if (seen.has(id)) problems.push(`duplicate ${what} id "${id}"`);
			seen.add(id);
		}
	};
	duplicates(
		domains.map((d) => d.id),
		'domain'
	);
	duplicates(
		statements.map((s) => s.id),
		'statement'
	);
	duplicates(
		decisions.map((d) => d.id),
		'decision'
	);
	duplicates(
		actions.map((a) => a.id),
		'action'
	);
	for (const decision of decisions) {
		duplicates(
			decision.options.map((o) => o.id),
			`option in decision "${decision.id}"`
		);
	}

	const checkCondition = (condition: Condition | undefined, where: string) => {
		for (const [i, clause] of (condition ?? []).entries()) {
			const place = `${where} › condition[${i}]`;
			if (clause.when === 'profile.bpdSpecific') {
				for (const value of clause.anyOf) {
					if (value !== 'yes' && value !== 'no') {
						problems.push(`${place}: profile.bpdSpecific is "yes" or "no", not "${value}"`);
					}
				}
				continue;
			}
			const decisionId = clause.when.slice('decision.'.length);
			const decision = decisionById.get(decisionId);
			if (!decision) {
				problems.push(`${place}: refers to unknown decision "${decisionId}"`);
				continue;
			}
			for (const value of clause.anyOf) {
				if (!decision.options.some((o) => o.id === value)) {
					problems.push(`${place}: "${value}" is not an option of decision "${decisionId}"`);
				}
			}
		}
	};

	const checkPlaceholders = (text: string, where: string) => {
		for (const match of text.matchAll(/\{([^}]*)\}/g)) {
			if (!PLACEHOLDERS.includes(match[1] as (typeof PLACEHOLDERS)[number])) {
				problems.push(`${where}: unknown placeholder {${match[1]}}`);
			}
		}
	};

	for (const domain of domains) {
		checkPlaceholders(domain.name, `domain ${domain.id} › name`);
		checkPlaceholders(domain.purpose, `domain ${domain.id} › purpose`);
		for (const s of domain.statements) {
			const where = `statement ${s.id}`;
			if (!s.id.startsWith(`${domain.id}-`)) {
				problems.push(`${where}: id must start with its domain "${domain.id}-"`);
			}
			if (s.recommendations.length + s.kentFactors.length === 0) {
				problems.push(`${where}: must trace to at least one recommendation or Kent factor`);
			}
			if (s.critical && !actions.some((a) => a.addresses.includes(s.id))) {
				problems.push(`${where}: is critical but no action addresses it`);
			}
			if (s.allowNotApplicable && !s.notApplicableMeans) {
				problems.push(`${where} › notApplicableMeans: say what "Not applicable" means here`);
			}
			checkCondition(s.condition, where);
			for (const field of ['text', 'why', 'notApplicableMeans'] as const) {
				const value = s[field];
				if (value) checkPlaceholders(value, `${where} › ${field}`);
			}
			s.levels.forEach((level, i) => checkPlaceholders(level, `${where} › levels[${i}]`));
		}
	}
	for (const action of actions) {
		const where = `action ${action.id}`;
		for (const target of action.addresses) {
			if (!statementById.has(target))
				problems.push(`${where} › addresses: unknown statement "${target}"`);
		}
		checkPlaceholders(action.title, `${where} › title`);
		checkPlaceholders(action.text, `${where} › text`);
		for (const [i, variant] of (action.variants ?? []).entries()) {
			checkCondition(variant.when, `${where} › variants[${i}]`);
			checkPlaceholders(variant.text, `${where} › variants[${i}] › text`);
		}
	}
	for (const decision of decisions) {
		checkPlaceholders(decision.question, `decision ${decision.id} › question`);
		decision.options.forEach((o, i) => {
			checkPlaceholders(o.label, `decision ${decision.id} › options[${i}] › label`);
			checkPlaceholders(o.evidence, `decision ${decision.id} › options[${i}] › evidence`);
		});
	}
	if (problems.length > 0) throw new ContentError(problems);

	return {
		version: meta.version,
		domains,
		statements,
		statementById,
		decisions,
		decisionById,
		actions,
		actionById,
		evidence,
		terminology
	};
}
