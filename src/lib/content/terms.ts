import type { Terminology } from './schema';

/** The words a text may leave open; the profile's terminology fills them. Capitalised forms start a sentence. */
export const PLACEHOLDERS = [
	'peer',
	'peers',
	'Peer',
	'Peers',
	'consumer',
	'consumers',
	'Consumer',
	'Consumers',
	'diagnosis'
] as const;

export interface TermChoice {
	consumerTerm: string;
	peerTerm: string;
	/** Until the organisation chooses, statements use the general wording. */
	bpdSpecific?: 'yes' | 'no';
}

export type Terms = Record<(typeof PLACEHOLDERS)[number], string>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function resolveTerms(choice: TermChoice, terminology: Terminology): Terms {
	const consumer =
		terminology.consumerTerms.find((t) => t.id === choice.consumerTerm) ??
		terminology.consumerTerms[0]!;
	const peer =
		terminology.peerTerms.find((t) => t.id === choice.peerTerm) ?? terminology.peerTerms[0]!;
	return {
		peer: peer.singular,
		peers: peer.plural,
		Peer: capitalise(peer.singular),
		Peers: capitalise(peer.plural),
		consumer: consumer.singular,
		consumers: consumer.plural,
		Consumer: capitalise(consumer.singular),
		Consumers: capitalise(consumer.plural),
		diagnosis:
			choice.bpdSpecific === 'yes' ? terminology.diagnosis.bpd : terminology.diagnosis.general
	};
}

/** Fills placeholders; plain string replacement, so the result is still plain text, never markup. */
export function applyTerms(text: string, terms: Terms): string {
	return text.replace(/\{([A-Za-z]+)\}/g, (whole, key: string) =>
		Object.hasOwn(terms, key) ? terms[key as keyof Terms] : whole
	);
}
