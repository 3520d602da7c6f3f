import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const alias = { '@shared': here('./shared') };

/**
 * The pages (staff app, respondent page, customer case page, complaint form) are built in separate passes
 * (scripts/build-client.ts sets TOUCHPOINT_CLIENT_ENTRY), so each is tree-shaken on its own: built
 * together, code the staff app uses from shared modules (zod above all) lands in chunks the public
 * pages load too. Unset (dev server, tests), every input.
 */
const ENTRIES = { staff: here('./client/index.html'), respond: here('./client/respond.html'), case: here('./client/case.html'), complaint: here('./client/complaint.html') };
const entry = process.env.TOUCHPOINT_CLIENT_ENTRY;
if (entry !== undefined && !(entry in ENTRIES)) throw new Error(`TOUCHPOINT_CLIENT_ENTRY must be one of ${Object.keys(ENTRIES).join(', ')}, not ${entry}`);

// One file configures the client build and every test project.
export default defineConfig({
  root: here('./client'),
  plugins: [react()],
  resolve: { alias },
  build: {
    outDir: here('./dist/client'),
    // The public passes (respondent page, customer case page, complaint form) add to what the staff pass wrote.
    emptyOutDir: entry === undefined || entry === 'staff',
    // survey-core alone is ~1.2 MB minified (~310 kB gzip); the respondent bench tracks its real size.
    chunkSizeWarningLimit: 1700,
    rollupOptions: {
      input: entry === undefined ? ENTRIES : { [entry]: ENTRIES[entry as keyof typeof ENTRIES] },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: {
    root: here('.'),
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          root: here('.'),
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          // The store's conformance suite starts the store as a process: it runs with the integration tests.
          exclude: ['server/embedded-store/conformance/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          root: here('.'),
          include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts', 'server/embedded-store/conformance/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          root: here('.'),
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts', 'test/harness/build-client.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
