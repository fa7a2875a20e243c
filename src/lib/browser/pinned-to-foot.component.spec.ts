import { describe, expect, it } from 'vitest';
import { pinnedToFoot } from './pinned-to-foot';

/** jsdom lays nothing out: a message drawn at the foot of the window, reaching this far up it. */
function pinned(reach: number): HTMLElement {
	const message = document.createElement('div');
	const box = { top: innerHeight - reach, bottom: innerHeight, height: reach } as DOMRect;
	message.getClientRects = () => [box] as unknown as DOMRectList;
	message.getBoundingClientRect = () => box;
	document.body.append(message);
	return message;
}
const room = () => document.documentElement.style.getPropertyValue('--pinned-message-height');

describe('room at the foot of the page', () => {
	it('is as tall as the taller of two pinned messages reaches, stays while one is left, and goes with the last', () => {
		const failedSave = pinnedToFoot()(pinned(90));
		expect(room()).toBe('90px');
		const restoreOffer = pinnedToFoot()(pinned(140.4));
		expect(room()).toBe('141px');
		restoreOffer();
		expect(room()).toBe('90px');
		failedSave();
		expect(room()).toBe('');
	});

	it('is not made for a message that is not drawn, as in a printout', () => {
		const notDrawn = document.createElement('div');
		document.body.append(notDrawn);
		const done = pinnedToFoot()(notDrawn);
		expect(room()).toBe('');
		done();
		expect(room()).toBe('');
	});

	it('measures a message again when one shows below it and lifts it, so the room covers both, and again when that one goes', () => {
		let lifted = 0;
		const restoreOffer = document.createElement('div');
		restoreOffer.getClientRects = () => [{}] as unknown as DOMRectList;
		restoreOffer.getBoundingClientRect = () => ({ top: innerHeight - 100 - lifted }) as DOMRect;
		document.body.append(restoreOffer);
		const offerGone = pinnedToFoot()(restoreOffer);
		expect(room()).toBe('100px');
		// A failed save's message shows at the very foot; its height lifts the offer (in app.css).
		const failedSave = document.createElement('div');
		document.body.append(failedSave);
		lifted = 60;
		const failedSaveGone = pinnedToFoot('--save-problem-height')(failedSave);
		expect(document.documentElement.style.getPropertyValue('--save-problem-height')).toMatch(
			/^\d+px$/
		);
		expect(room()).toBe('160px');
		lifted = 0;
		failedSaveGone();
		expect(document.documentElement.style.getPropertyValue('--save-problem-height')).toBe('');
		expect(room()).toBe('100px');
		offerGone();
		expect(room()).toBe('');
	});
});
