/**
 * Builds the client into dist/client in two passes, the staff app then the respondent page (see
 * vite.config.ts: each page is tree-shaken on its own). `npm run build`, scripts/start, the browser
 * suites and the page bench all build through here.
 */
import path from 'node:path';
import { build, type PluginOption } from 'vite';

const CONFIG = path.resolve(import.meta.dirname, '../vite.config.ts');

export async function buildClient(options: { plugins?: PluginOption[]; logLevel?: 'warn' | 'silent' | 'info' } = {}): Promise<void> {
  const previous = process.env.TOUCHPOINT_CLIENT_ENTRY;
  try {
    for (const entry of ['staff', 'respond'] as const) {
      process.env.TOUCHPOINT_CLIENT_ENTRY = entry;
      await build({ configFile: CONFIG, logLevel: options.logLevel ?? 'warn', plugins: options.plugins ?? [] });
    }
  } finally {
    if (previous === undefined) delete process.env.TOUCHPOINT_CLIENT_ENTRY;
    else process.env.TOUCHPOINT_CLIENT_ENTRY = previous;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildClient();
