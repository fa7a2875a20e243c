import '@testing-library/jest-dom/vitest';

// jsdom lays nothing out, so it has no ResizeObserver; components that follow a size need one to exist.
// Sizes stay 0 in these tests: what is laid out is checked in the browser (Playwright).
globalThis.ResizeObserver ??= class {
	observe() {}
	unobserve() {}
	disconnect() {}
};
