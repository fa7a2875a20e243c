import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import * as v from 'valibot';
import {
	describeIssues,
	key,
	mapOf,
	ProfileSchema,
	RatingSchema,
	structuralProblem
} from '$lib/storage/validate';
import { WORKSHOP_ROLES, type Workshop, type WorkshopInvite, type WorkshopResponse } from './types';

export const CODE_PREFIX = 'pwr1.';
const LIMITS = { codeChars: 400_000, jsonBytes: 1_000_000 };

const short = v.pipe(v.string(), v.maxLength(300));
const role = v.picklist(WORKSHOP_ROLES.map((r) => r.id));
const decisions = mapOf(key, 100);

export const InviteSchema = v.strictObject({
	format: v.literal('pwr-workshop-invite'),
	version: v.literal(1),
	workshopId: key,
	title: short,
	contentVersion: short,
	profile: ProfileSchema,
	decisions,
	roles: v.pipe(v.array(role), v.minLength(1), v.maxLength(7))
});

export const ResponseSchema = v.strictObject({
	format: v.literal('pwr-workshop-response'),
	version: v.literal(1),
	workshopId: key,
	responseId: key,
	role,
	name: short,
	submittedAt: v.pipe(v.string(), v.isoTimestamp()),
	answers: mapOf(v.strictObject({ rating: v.optional(RatingSchema) }), 500)
});

export const WorkshopSchema = v.strictObject({
	format: v.literal('pwr-workshop'),
	version: v.literal(1),
	id: key,
	assessmentId: key,
	createdAt: v.pipe(v.string(), v.isoTimestamp()),
	roles: v.pipe(v.array(role), v.minLength(1), v.maxLength(7)),
	responses: v.pipe(v.array(ResponseSchema), v.maxLength(500))
});

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

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

/** Inflates with a hard output limit, so a small "zip bomb" cannot exhaust memory. */
function inflateLimited(data: Uint8Array, limit: number): Uint8Array {
	const chunks: Uint8Array[] = [];
	let size = 0;
	const inflater = new Inflate((chunk) => {
		size += chunk.length;
		if (size > limit) throw new Error('too large');
		chunks.push(chunk);
	});
	inflater.push(data, true);
	const out = new Uint8Array(size);
	let offset = 0;
	for (const c of chunks) {
		out.set(c, offset);
		offset += c.length;
	}
	return out;
}

export function encodeCode(value: WorkshopInvite | WorkshopResponse): string {
	return CODE_PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
}

/** Finds the code in whatever was pasted: a whole link, the part after #, or the code alone. */
export function extractCode(text: string): string | null {
	const match = /pwr1\.[A-Za-z0-9_-]+/.exec(text);
	return match ? match[0] : null;
}

function parseWith<T>(schema: v.GenericSchema, data: unknown, what: string): Decoded<T> {
	if (data === null || typeof data !== 'object' || Array.isArray(data))
		return { ok: false, message: `This is not a ${what}.` };
	const structural = structuralProblem(data);
	if (structural) return { ok: false, message: structural };
	const result = v.safeParse(schema, data);
	if (!result.success)
		return {
			ok: false,
			message: `This ${what} is damaged or not valid: ${describeIssues(result.issues)}.`
		};
	return { ok: true, value: result.output as T };
}

/** Decodes a link, code or JSON file text into a validated invite or response. Never throws. */
function decode<T>(text: string, schema: v.GenericSchema, what: string): Decoded<T> {
	try {
		if (text.length > LIMITS.codeChars * 3)
			return { ok: false, message: `This ${what} is far too large.` };
		const trimmed = text.trim();
		if (trimmed.startsWith('{')) {
			if (trimmed.length > LIMITS.jsonBytes)
				return { ok: false, message: `This ${what} is far too large.` };
			return parseWith<T>(schema, JSON.parse(trimmed), what);
		}
		const code = extractCode(trimmed);
		if (!code) return { ok: false, message: `No ${what} code was found in what you pasted.` };
		if (code.length > LIMITS.codeChars)
			return { ok: false, message: `This ${what} code is far too long.` };
		let json: string;
		try {
			json = strFromU8(
				inflateLimited(fromBase64Url(code.slice(CODE_PREFIX.length)), LIMITS.jsonBytes)
			);
		} catch {
			return {
				ok: false,
				message: `This ${what} code is damaged (it may have been cut short when copied).`
			};
		}
		return parseWith<T>(schema, JSON.parse(json), what);
	} catch {
		return { ok: false, message: `This ${what} could not be read.` };
	}
}

export const decodeInvite = (text: string) =>
	decode<WorkshopInvite>(text, InviteSchema, 'workshop invitation');
export const decodeResponse = (text: string) =>
	decode<WorkshopResponse>(text, ResponseSchema, 'participant answer');
export const parseWorkshop = (data: unknown) =>
	parseWith<Workshop>(WorkshopSchema, data, 'saved workshop');
