/** A number with its noun, singular for one: "1 answer", "12 answers". */
export const counted = (n: number, one: string, many = `${one}s`): string =>
	`${n} ${n === 1 ? one : many}`;
