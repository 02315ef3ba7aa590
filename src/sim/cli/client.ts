// Mirrors moby/moby client/ (request.go sendRequest/checkResponseErr, the versioned path
// prefix, query encodings); simplified: synchronous calls through the EngineApi seam.

import { API_VERSION, type ApiResponse, type EngineApi, type StreamOutput } from '../api/types.ts';
import { ApiError } from './errors.ts';

/** Client is the Engine API client the commands use (one per CLI invocation). */
export class Client {
  private readonly api: EngineApi;
  constructor(api: EngineApi) {
    this.api = api;
  }

  /** raw sends a request and returns the response, throwing ApiError for status >= 400. */
  raw(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD',
    path: string,
    query?: Record<string, string>,
    body?: unknown,
  ): ApiResponse {
    const q: Record<string, string> = {};
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q[k] = v;
    const req = { method, path: `/v${API_VERSION}${path}`, query: q, body };
    const resp = this.api.route(
      Object.keys(q).length > 0 || body !== undefined ? req : { method, path: req.path },
    );
    if (resp.status >= 400) {
      const j = resp.json as { message?: unknown } | undefined;
      const msg = typeof j?.message === 'string' ? j.message : typeof resp.json === 'string' ? resp.json : '';
      throw new ApiError(resp.status, msg.trim());
    }
    return resp;
  }

  /** get is GET returning the decoded JSON body. */
  get<T = unknown>(path: string, query?: Record<string, string>): T {
    return this.raw('GET', path, query).json as T;
  }

  /** post is POST returning the decoded JSON body. */
  post<T = unknown>(path: string, query?: Record<string, string>, body?: unknown): T {
    return this.raw('POST', path, query, body).json as T;
  }

  /** del is DELETE returning the decoded JSON body. */
  del<T = unknown>(path: string, query?: Record<string, string>): T {
    return this.raw('DELETE', path, query).json as T;
  }

  /** stream is POST/GET whose lazy stream is read to EOF later by the caller. */
  stream(
    method: 'GET' | 'POST',
    path: string,
    query?: Record<string, string>,
    body?: unknown,
  ): () => StreamOutput {
    const resp = this.raw(method, path, query, body);
    if (resp.stream) return resp.stream;
    return () => streamFromJson(resp.json);
  }
}

function streamFromJson(json: unknown): StreamOutput {
  if (typeof json === 'string') return { stdout: json, stderr: '' };
  if (json && typeof json === 'object' && 'stdout' in json) return json as StreamOutput;
  return { stdout: '', stderr: '' };
}

/** pathEscape is url.PathEscape for a path segment (names, IDs, image references). */
export function pathEscape(s: string): string {
  return encodeURIComponent(s).replace(/%3A/gi, ':').replace(/%40/g, '@').replace(/%2B/gi, '+');
}

/** filtersJSON encodes filters as filters.ToJSON: {"key":{"value":true}}; "" when empty. */
export function filtersJSON(f: Map<string, string[]>): string | undefined {
  if (f.size === 0) return undefined;
  const o: Record<string, Record<string, boolean>> = {};
  for (const [k, vals] of [...f.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    o[k] = {};
    for (const v of [...vals].sort()) o[k][v] = true;
  }
  return JSON.stringify(o);
}
