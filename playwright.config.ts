import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.config.js';

const port = 4173;

// Say plainly what is missing rather than failing every test with a launch error.
if (!existsSync(chromiumLaunchOptions.executablePath))
	throw new Error(
		`Chromium was not found at ${chromiumLaunchOptions.executablePath}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`
	);

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
	// The built app, served as a static host serves it, with the deployment's headers (static/_headers).
	webServer: {
		command: `node scripts/serve.mjs ${port}`,
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
