// A scripted EngineApi for the CLI tests: routes answer with dockerd-shaped JSON (taken from moby's
// api/swagger.yaml examples and the reference's recorded outputs) and every request is recorded.

import type { ApiRequest, ApiResponse, EngineApi } from '../../api/types.ts';

/** Handler answers one request. */
export type Handler = (req: ApiRequest, match: RegExpExecArray) => ApiResponse;

/** FakeApi is an EngineApi whose routes are registered by tests. */
export class FakeApi implements EngineApi {
  readonly requests: ApiRequest[] = [];
  private readonly routes: Array<{ method: string; re: RegExp; handler: Handler }> = [];

  /** on registers a handler for METHOD and a path regex (without the /v1.50 prefix); later ones win. */
  on(method: string, path: RegExp | string, handler: Handler | ApiResponse): this {
    const re =
      typeof path === 'string' ? new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : path;
    this.routes.push({ method, re, handler: typeof handler === 'function' ? handler : () => handler });
    return this;
  }

  route(req: ApiRequest): ApiResponse {
    this.requests.push(req);
    const path = req.path.replace(/^\/v1\.\d+/, '');
    for (const r of [...this.routes].reverse()) {
      const m = r.re.exec(path);
      if (r.method === req.method && m) return r.handler(req, m);
    }
    return { status: 404, json: { message: `page not found: ${req.method} ${path}` } };
  }

  /** paths lists "METHOD path" of the recorded requests (version prefix removed). */
  paths(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path.replace(/^\/v1\.\d+/, '')}`);
  }
}

/** ok builds a 200 JSON response. */
export const ok = (json: unknown): ApiResponse => ({ status: 200, json });
/** err builds an error response as dockerd does ({"message": ...}). */
export const err = (status: number, message: string): ApiResponse => ({ status, json: { message } });

/** NOW is the clock the CLI tests use: 2026-01-05T09:00:00Z. */
export const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
