import path from 'node:path';
import { build } from 'vite';

/** Browser suites test the client as users get it: built by Vite, served by the API. */
export default async function buildClient() {
  await build({ configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn' });
}
