import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface AssetBytes {
  files: number;
  raw: number;
  gzip: number;
}

export interface EntryBytes {
  js: AssetBytes;
  css: AssetBytes;
}

/** JS and CSS an HTML entry loads before anything runs: its module script, modulepreloads and stylesheets. */
export function entryBytes(distDir: string, htmlFile: string): EntryBytes {
  const html = fs.readFileSync(path.join(distDir, htmlFile), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const sum = (files: string[]): AssetBytes =>
    files.reduce(
      (total, file) => {
        const content = fs.readFileSync(path.join(distDir, file.replace(/^\/(?:baseline\/)?/, '')));
        return { files: total.files + 1, raw: total.raw + content.length, gzip: total.gzip + gzipSync(content, { level: 9 }).length };
      },
      { files: 0, raw: 0, gzip: 0 },
    );
  return { js: sum(referenced.filter((file) => file.endsWith('.js'))), css: sum(referenced.filter((file) => file.endsWith('.css'))) };
}

export function gzipBytesOf(distDir: string, files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;
  return total;
}

export interface ChunkGraph {
  chunks: Map<string, { imports: string[]; dynamicImports: string[]; modules: string[] }>;
}

/** A Vite plugin that records which modules went into which chunk, to check what an entry really loads. */
export function chunkGraphRecorder(graph: ChunkGraph): Plugin {
  return {
    name: 'touchpoint-chunk-graph',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        graph.chunks.set(output.fileName, { imports: output.imports, dynamicImports: output.dynamicImports, modules: Object.keys(output.modules) });
      }
    },
  };
}

/** Chunks reachable from `roots` by static imports, and the further chunks only dynamic imports reach. */
export function reachableChunks(graph: ChunkGraph, roots: string[]): { initial: Set<string>; lazy: Set<string> } {
  const walk = (starts: string[], seen: Set<string>) => {
    const queue = [...starts];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file) || !graph.chunks.has(file)) continue;
      seen.add(file);
      queue.push(...graph.chunks.get(file)!.imports);
    }
    return seen;
  };
  const initial = walk(roots, new Set());
  const dynamicRoots = [...initial].flatMap((file) => graph.chunks.get(file)!.dynamicImports);
  const lazy = walk(dynamicRoots, new Set());
  for (const file of initial) lazy.delete(file);
  return { initial, lazy };
}
