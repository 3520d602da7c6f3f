/**
 * Builds the client into dist/client in three passes, the staff app, the respondent page and the
 * customer case page (see vite.config.ts: each page is tree-shaken on its own), then writes a brotli and a gzip copy beside
 * every text asset so the server sends them by content negotiation without compressing per request.
 * `npm run build`, scripts/start, the browser suites and the page bench all build through here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { build, type PluginOption } from 'vite';

const CONFIG = path.resolve(import.meta.dirname, '../vite.config.ts');
const OUT_DIR = path.resolve(import.meta.dirname, '../dist/client');
/** Text formats worth compressing; images and fonts in the build are already compressed formats. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside each compressible file under `dir`. */
export async function precompressAssets(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
  await Promise.all(
    files.map(async (file) => {
      const content = await fs.readFile(file);
      const br = await brotli(content, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      });
      await fs.writeFile(`${file}.br`, br);
      await fs.writeFile(`${file}.gz`, await gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }));
    }),
  );
  return files.length;
}

export async function buildClient(options: { plugins?: PluginOption[]; logLevel?: 'warn' | 'silent' | 'info' } = {}): Promise<void> {
  const previous = process.env.TOUCHPOINT_CLIENT_ENTRY;
  try {
    for (const entry of ['staff', 'respond', 'case', 'complaint'] as const) {
      process.env.TOUCHPOINT_CLIENT_ENTRY = entry;
      await build({ configFile: CONFIG, logLevel: options.logLevel ?? 'warn', plugins: options.plugins ?? [] });
    }
    await precompressAssets(OUT_DIR);
  } finally {
    if (previous === undefined) delete process.env.TOUCHPOINT_CLIENT_ENTRY;
    else process.env.TOUCHPOINT_CLIENT_ENTRY = previous;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildClient();
