/**
 * The app's routes as (method, pattern) pairs, collected from Fastify's onRoute hook.
 * Fastify answers a known path with an unsupported method as 404; API.md §10.5 wants 405,
 * so the error filter asks this table whether the path exists under another method.
 */
export class RouteTable {
  private readonly routes: { method: string; pattern: RegExp }[] = [];

  add(methods: string | string[], url: string): void {
    const source = url
      .replace(/\/+$/, '')
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const pattern = new RegExp(`^${source}/?$`);
    for (const method of Array.isArray(methods) ? methods : [methods]) {
      this.routes.push({ method: method.toUpperCase(), pattern });
    }
  }

  /** Methods other than HEAD/OPTIONS under which `path` (no query string) is served. */
  methodsFor(path: string): string[] {
    const methods = new Set<string>();
    for (const route of this.routes) {
      if (route.method !== 'HEAD' && route.pattern.test(path)) methods.add(route.method);
    }
    return [...methods];
  }
}
