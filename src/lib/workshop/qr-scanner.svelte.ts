import type { QRCode } from 'jsqr';

export type ScannerState =
	| { state: 'off' }
	| { state: 'starting' }
	| { state: 'scanning'; last: string }
	| { state: 'error'; message: string };

/**
 * Reads QR codes from the camera: getUserMedia for the picture, jsQR (loaded on demand) to decode
 * each frame. Only the code's text leaves this object; no image is kept or sent anywhere.
 */
export class QrScanner {
	status: ScannerState = $state({ state: 'off' });
	#stream: MediaStream | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#recent = new Map<string, number>();

	constructor(private readonly onCode: (text: string) => void) {}

	async start(video: HTMLVideoElement) {
		this.status = { state: 'starting' };
		if (!navigator.mediaDevices?.getUserMedia) {
			this.status = {
				state: 'error',
				message: 'This browser cannot use a camera here. Add answers from a link or a file instead.'
			};
			return;
		}
		try {
			const [{ default: jsQR }, stream] = await Promise.all([
				import('jsqr'),
				navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
			]);
			this.#stream = stream;
			video.srcObject = stream;
			video.muted = true;
			await video.play();
			this.status = { state: 'scanning', last: '' };
			const canvas = document.createElement('canvas');
			const context = canvas.getContext('2d', { willReadFrequently: true })!;
			const tick = () => {
				if (!this.#stream) return;
				if (video.videoWidth) {
					canvas.width = video.videoWidth;
					canvas.height = video.videoHeight;
					context.drawImage(video, 0, 0);
					const image = context.getImageData(0, 0, canvas.width, canvas.height);
					const found: QRCode | null = jsQR(image.data, image.width, image.height, {
						inversionAttempts: 'dontInvert'
					});
					if (found?.data) this.#found(found.data);
				}
				this.#timer = setTimeout(tick, 150);
			};
			tick();
		} catch (error) {
			this.stop();
			const name = (error as DOMException)?.name;
			this.status = {
				state: 'error',
				message:
					name === 'NotAllowedError' || name === 'SecurityError'
						? 'The camera was not allowed. Allow it in the browser (the camera icon in the address bar), or add answers from a link or a file.'
						: name === 'NotFoundError' || name === 'OverconstrainedError'
							? 'No camera was found on this device. Add answers from a link or a file instead.'
							: 'The camera could not be started. Add answers from a link or a file instead.'
			};
		}
	}

	/** Passes each code on once: a code held in front of the camera is read many times a second. */
	#found(text: string) {
		const now = Date.now();
		for (const [code, at] of this.#recent) if (now - at > 5000) this.#recent.delete(code);
		if (this.#recent.has(text)) return;
		this.#recent.set(text, now);
		this.status = { state: 'scanning', last: text };
		this.onCode(text);
	}

	stop() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		for (const track of this.#stream?.getTracks() ?? []) track.stop();
		this.#stream = null;
		if (this.status.state !== 'error') this.status = { state: 'off' };
	}
}
