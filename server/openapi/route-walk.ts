import type express from 'express';
import { routeSchemasOf, type Schemas } from '../lib/validate';

/** One route the app serves: method, Express path (`/api/webhooks/:id`) and the schemas it validates with. */
export interface AppRoute {
  method: string;
  path: string;
  schemas: Schemas;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: LayerLike[] };
}

const join = (prefix: string, path: string) => (prefix + (path === '/' ? '' : path)).replace(/\/{2,}/g, '/') || '/';

/**
 * Every route of the app under `prefix` (`/api`), read from Express's own router stack: so a route
 * cannot exist without being listed, nor be listed without existing. Mounted routers are followed;
 * routes on regular expressions (the client's catch-all) are not API routes and are skipped.
 */
export function appRoutes(app: express.Express, prefix = '/api'): AppRoute[] {
  const routes: AppRoute[] = [];
  const seen = new Set<string>();
  const walk = (stack: readonly LayerLike[], base: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = ([] as unknown[]).concat(layer.route.path).filter((p): p is string => typeof p === 'string');
        for (const path of paths) {
          const full = join(base, path);
          if (!full.startsWith(prefix)) continue;
          const schemas = layer.route.stack.map((inner) => routeSchemasOf(inner.handle)).find(Boolean) ?? {};
          for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
            const key = `${method.toUpperCase()} ${full}`;
            if (seen.has(key)) continue;
            seen.add(key);
            routes.push({ method, path: full, schemas });
          }
        }
      } else if (layer.handle?.stack && (layer.rawPath === undefined || typeof layer.rawPath === 'string')) {
        walk(layer.handle.stack, join(base, (layer.rawPath as string | undefined) ?? '/'));
      }
    }
  };
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
  return routes;
}
