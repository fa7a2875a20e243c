import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.config.js';

const port = 4173;

export default defineConfig({
	testDir: 'tests',
	testMatch: /.*\.e2e\.ts$/,
	timeout: 90_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 2,
	retries: 0,
	reporter: [['list']],
	outputDir: 'test-results',
	webServer: {
		command: `npx vite preview --port ${port} --strictPort`,
		port,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	},
	use: {
		baseURL: `http://localhost:${port}`,
		acceptDownloads: true,
		viewport: { width: 1280, height: 800 },
		launchOptions: chromiumLaunchOptions
	}
});
