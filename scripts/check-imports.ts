// `npm run check:imports`: fails on any file import cycle in server/ or shared/ (type-only imports
// count too), and on any import by server/responses of a feature folder that depends on responses
// (the consumers listed in server/response-hooks.ts reach responses only through that list).
import { parseCircular, parseDependencyTree, prettyCircular, type DependencyTree } from 'dpdm';

const FEATURE = /^server\/([^/]+)\//;

/** The server feature folder of a file (`server/scores/fold.job.ts` -> `scores`), or null for root files, lib, shared. */
function featureOf(file: string): string | null {
  const folder = FEATURE.exec(file)?.[1];
  return folder === undefined || folder === 'lib' ? null : folder;
}

function importsOf(tree: DependencyTree, file: string): string[] {
  return (tree[file] ?? []).flatMap((dependency) => (dependency.id ? [dependency.id] : []));
}

/** Imports from server/responses into a feature folder that itself imports server/responses: the pipeline runs one way. */
function backwardResponseImports(tree: DependencyTree): string[] {
  const dependsOnResponses = new Set<string>();
  for (const file of Object.keys(tree)) {
    const feature = featureOf(file);
    if (feature && feature !== 'responses' && importsOf(tree, file).some((id) => featureOf(id) === 'responses')) dependsOnResponses.add(feature);
  }
  const found: string[] = [];
  for (const file of Object.keys(tree)) {
    if (featureOf(file) !== 'responses') continue;
    for (const id of importsOf(tree, file)) {
      const feature = featureOf(id);
      if (feature && dependsOnResponses.has(feature)) found.push(`${file} -> ${id} (${feature} depends on responses)`);
    }
  }
  return found;
}

const tree = await parseDependencyTree(['server/**/*.ts', 'shared/**/*.ts'], { tsconfig: 'tsconfig.json', transform: false, skipDynamicImports: false });
const circulars = parseCircular(tree);
const backward = backwardResponseImports(tree);
if (circulars.length > 0) console.error(`Import cycles in server/ and shared/:\n${prettyCircular(circulars)}`);
if (backward.length > 0) console.error(`server/responses imports a feature that depends on it (declare it in server/response-hooks.ts instead):\n  ${backward.join('\n  ')}`);
if (circulars.length > 0 || backward.length > 0) process.exit(1);
const ours = Object.keys(tree).filter((file) => /^(server|shared)\//.test(file)).length;
console.log(`No import cycles among ${ours} files of server/ and shared/; server/responses imports no consumer.`);
