import { describe, expect, it } from 'vitest';
import { counted } from './counts';

describe('counted', () => {
	it('uses the singular for one and the plural for none or many', () => {
		expect(counted(1, 'answer')).toBe('1 answer');
		expect(counted(0, 'answer')).toBe('0 answers');
		expect(counted(12, 'answer')).toBe('12 answers');
	});

	it('takes an irregular plural when given one', () => {
		expect(counted(2, 'person', 'people')).toBe('2 people');
		expect(counted(1, 'person', 'people')).toBe('1 person');
	});
});
