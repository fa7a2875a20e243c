import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { QuestionBank } from '$lib/content/question-bank';
import type { Rating } from '$lib/model/assessment';
import { parseWith, type Parsed } from '$lib/model/checks';
import {
	InviteSchema,
	ResponseSchema,
	ROLE_CODES,
	type WorkshopInvite,
	type WorkshopResponse
} from '$lib/model/workshop';

/** Invitations (and answers from the first release) travel as deflated JSON behind this prefix. */
export const CODE_PREFIX = 'pwr1.';
/** Answers travel as a short text code behind this prefix: small enough for one QR code. */
export const ANSWER_PREFIX = 'PWR2~';
/** One part of an answer code split across several QR codes. */
export const PART_PREFIX = 'PWR2P~';

export const CODE_LIMITS = {
	/** A real invitation is a few hundred characters; anything far longer is refused before decoding. */
	codeChars: 20_000,
	/** The most JSON a code may inflate to; inflation stops as soon as it is passed. */
	jsonBytes: 100_000,
	/** Characters per QR code when answers are split. */
	qrPartChars: 300
} as const;

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

class TooLarge extends Error {}

/**
 * Inflates in small slices and stops the moment the output passes the limit, so a small
 * "zip bomb" can never grow past about a megabyte in memory.
 */
export function inflateLimited(data: Uint8Array, limit: number, slice = 1024): Uint8Array {
	const chunks: Uint8Array[] = [];
	let size = 0;
	const inflater = new Inflate((chunk) => {
		size += chunk.length;
		if (size > limit) throw new TooLarge();
		chunks.push(chunk);
	});
	for (let i = 0; i < data.length; i += slice)
		inflater.push(data.subarray(i, i + slice), i + slice >= data.length);
	const out = new Uint8Array(size);
	let offset = 0;
	for (const c of chunks) {
		out.set(c, offset);
		offset += c.length;
	}
	return out;
}

export function encodeInvite(invite: WorkshopInvite): string {
	return CODE_PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(invite)), { level: 9 }));
}

/** Finds an invitation code in whatever was pasted: a whole link, the part after #, or the code alone. */
export function extractCode(text: string): string | null {
	const match = /pwr1\.[A-Za-z0-9_-]+/.exec(text);
	return match ? match[0] : null;
}

function decodeDeflated<S extends typeof InviteSchema | typeof ResponseSchema>(
	code: string,
	schema: S,
	what: string
): Parsed<import('valibot').InferOutput<S>> {
	if (code.length > CODE_LIMITS.codeChars)
		return { ok: false, message: `This ${what} code is far too long to be real.` };
	let json: string;
	try {
		json = strFromU8(
			inflateLimited(fromBase64Url(code.slice(CODE_PREFIX.length)), CODE_LIMITS.jsonBytes)
		);
	} catch (error) {
		return {
			ok: false,
			message:
				error instanceof TooLarge
					? `This ${what} code is far too large to be real.`
					: `This ${what} code is damaged (it may have been cut short when copied).`
		};
	}
	try {
		return parseWith(schema, JSON.parse(json), what);
	} catch {
		return { ok: false, message: `This ${what} could not be read.` };
	}
}

/** Decodes a link, code or JSON file text into a validated invitation. Never throws. */
export function decodeInvite(text: string): Parsed<WorkshopInvite> {
	const trimmed = text.trim();
	if (trimmed.length > CODE_LIMITS.codeChars * 2)
		return { ok: false, message: 'This workshop invitation is far too large to be real.' };
	if (trimmed.startsWith('{')) {
		try {
			return parseWith(InviteSchema, JSON.parse(trimmed), 'workshop invitation');
		} catch {
			return { ok: false, message: 'This workshop invitation could not be read.' };
		}
	}
	const code = extractCode(trimmed);
	if (!code) return { ok: false, message: 'No workshop invitation was found in what you pasted.' };
	return decodeDeflated(code, InviteSchema, 'workshop invitation');
}

// ---- Answers: a short text code, one character per statement ----

const RATING_CHARS: Record<string, Rating> = {
	'0': 0,
	'1': 1,
	'2': 2,
	'3': 3,
	'4': 4,
	d: 'dont-know',
	n: 'not-applicable',
	x: 'declined'
};
const CHAR_OF = new Map<Rating, string>(Object.entries(RATING_CHARS).map(([c, r]) => [r, c]));

/** Text inside an answer code: "~" separates the fields, and encodeURIComponent leaves it as it is. */
const codeText = (text: string) => encodeURIComponent(text).replace(/~/g, '%7E');

/**
 * A participant's answers as a short code: ids, role, time, question-bank version, one character
 * per statement in the bank's order, and the name. About 200 characters for a full set.
 */
export function encodeAnswers(
	response: WorkshopResponse,
	bank: Pick<QuestionBank, 'statements' | 'version'>
): string {
	const ratings = bank.statements.map((s) => {
		const r = response.answers[s.id]?.rating;
		return r === undefined ? '-' : (CHAR_OF.get(r) ?? '-');
	});
	return [
		'PWR2',
		response.workshopId,
		response.responseId,
		String(ROLE_CODES.indexOf(response.role)),
		Date.parse(response.submittedAt).toString(36),
		codeText(response.contentVersion ?? bank.version),
		ratings.join('').replace(/-+$/, ''),
		codeText(response.name)
	].join('~');
}

/** Splits an answer code into parts that each fit a QR code a laptop camera reads easily. */
export function answerParts(code: string, size: number = CODE_LIMITS.qrPartChars): string[] {
	if (code.length <= size) return [code];
	const tag = code.split('~')[2]!.slice(0, 8);
	const chunks: string[] = [];
	for (let i = 0; i < code.length; i += size) chunks.push(code.slice(i, i + size));
	return chunks.map((chunk, i) => `${PART_PREFIX}${i + 1}/${chunks.length}~${tag}~${chunk}`);
}

/** Gathers the parts of split codes; returns whole codes once every part of one has arrived. */
export class PartCollector {
	#parts = new Map<string, { total: number; chunks: Map<number, string> }>();

	/** Adds one scanned or pasted piece; returns the whole code when it completes one. */
	add(
		text: string
	): { complete: string } | { waiting: { have: number; total: number } } | { notAPart: true } {
		const match = /^PWR2P~(\d+)\/(\d+)~([A-Za-z0-9_-]{1,8})~(.*)$/s.exec(text.trim());
		if (!match) return { notAPart: true };
		const [, index, total, tag, chunk] = match;
		const n = Number(total);
		if (n < 1 || n > 20 || Number(index) < 1 || Number(index) > n) return { notAPart: true };
		const entry = this.#parts.get(tag!) ?? { total: n, chunks: new Map() };
		entry.chunks.set(Number(index), chunk!);
		this.#parts.set(tag!, entry);
		if (entry.chunks.size < entry.total)
			return { waiting: { have: entry.chunks.size, total: entry.total } };
		this.#parts.delete(tag!);
		return {
			complete: [...entry.chunks.entries()]
				.sort(([a], [b]) => a - b)
				.map(([, c]) => c)
				.join('')
		};
	}
}

/** Finds every answer code in pasted text: short codes, and links or codes from the first release. */
export function findAnswerCodes(text: string): string[] {
	return [...text.matchAll(/(PWR2~[A-Za-z0-9_~.%*'()!-]+|pwr1\.[A-Za-z0-9_-]+)/g)].map((m) => m[0]);
}

const differentQuestions = (contentVersion: string): Parsed<never> => ({
	ok: false,
	message: `These answers were given to a different version of the questions (${contentVersion}). Ask the participant to reload their page, check their answers and send them again.`
});

/**
 * Answers that arrive as JSON or a first-release code pass the same test as a short code: given to
 * this version of the questions, and only to statements it asks.
 */
function toTheseQuestions(
	parsed: Parsed<WorkshopResponse>,
	bank: Pick<QuestionBank, 'statements' | 'version'>
): Parsed<WorkshopResponse> {
	if (!parsed.ok) return parsed;
	const { contentVersion, answers } = parsed.value;
	if (contentVersion !== undefined && contentVersion !== bank.version)
		return differentQuestions(contentVersion);
	const asked = new Set(bank.statements.map((s) => s.id));
	return {
		ok: true,
		value: {
			...parsed.value,
			answers: Object.fromEntries(Object.entries(answers).filter(([id]) => asked.has(id)))
		}
	};
}

/** Decodes one participant's answers from a short code, a first-release code, or JSON. Never throws. */
export function decodeAnswers(
	text: string,
	bank: Pick<QuestionBank, 'statements' | 'version'>
): Parsed<WorkshopResponse> {
	const trimmed = text.trim();
	if (trimmed.length > CODE_LIMITS.codeChars)
		return { ok: false, message: 'This participant answer is far too large to be real.' };
	if (trimmed.startsWith('{')) {
		try {
			return toTheseQuestions(
				parseWith(ResponseSchema, JSON.parse(trimmed), 'participant answer'),
				bank
			);
		} catch {
			return { ok: false, message: 'This participant answer could not be read.' };
		}
	}
	const legacy = extractCode(trimmed);
	if (legacy && !trimmed.includes(ANSWER_PREFIX))
		return toTheseQuestions(decodeDeflated(legacy, ResponseSchema, 'participant answer'), bank);
	const code = /PWR2~[^\s]+/.exec(trimmed)?.[0];
	if (!code)
		return { ok: false, message: 'No participant answer code was found in what you pasted.' };
	const fields = code.split('~');
	if (fields.length !== 8)
		return {
			ok: false,
			message: 'This participant answer code is damaged (it may have been cut short).'
		};
	const [, workshopId, responseId, roleIndex, time, version, ratings, name] = fields as [
		string,
		...string[]
	];
	let contentVersion: string;
	let decodedName: string;
	try {
		contentVersion = decodeURIComponent(version!);
		decodedName = decodeURIComponent(name!);
	} catch {
		return { ok: false, message: 'This participant answer code is damaged.' };
	}
	if (contentVersion !== bank.version) return differentQuestions(contentVersion);
	if (ratings!.length > bank.statements.length || /[^0-4dnx-]/.test(ratings!))
		return { ok: false, message: 'This participant answer code is damaged.' };
	const answers: Record<string, { rating: Rating }> = {};
	[...ratings!].forEach((c, i) => {
		const rating = RATING_CHARS[c];
		if (rating !== undefined) answers[bank.statements[i]!.id] = { rating };
	});
	const submitted = parseInt(time!, 36);
	return parseWith(
		ResponseSchema,
		{
			format: 'pwr-workshop-response',
			version: 2,
			workshopId,
			responseId,
			role: ROLE_CODES[Number(roleIndex)],
			name: decodedName,
			submittedAt:
				Number.isFinite(submitted) && Math.abs(submitted) < 8.64e15
					? new Date(submitted).toISOString()
					: '',
			contentVersion,
			answers
		},
		'participant answer'
	);
}
