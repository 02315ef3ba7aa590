// The Engine API seam: the docker CLI talks only to this, as the real client talks to dockerd.
// Mirrors moby/moby api/ (routes, JSON shapes, status codes). Errors answer {"message": "..."}.

/** ApiRequest is one HTTP request to the Engine API. path may carry a version prefix (/v1.50/...). */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  path: string;
  /** query holds the decoded query string; filters are JSON as dockerd expects ({"name":{"x":true}}). */
  query?: Record<string, string>;
  body?: unknown;
}

/** StreamOutput is what a hijacked/streamed connection delivered (attach, exec start, logs). */
export interface StreamOutput {
  stdout: string;
  stderr: string;
}

/** ApiResponse is dockerd's answer. */
export interface ApiResponse {
  status: number;
  /** json is the decoded JSON body (error bodies are {message}). */
  json?: unknown;
  headers?: Record<string, string>;
  /**
   * stream is set for attach and exec-start: calling it reads the connection to EOF, i.e. returns
   * everything the process wrote. It is lazy so a client can attach, then start, then read.
   */
  stream?: () => StreamOutput;
}

/** EngineApi is one host's Engine API. */
export interface EngineApi {
  route(req: ApiRequest): ApiResponse;
}

/** API_VERSION is the API version our daemon speaks (Docker Engine 28.x: 1.50 in 28.3+, client 28.2.2 asks 1.50). */
export const API_VERSION = '1.50';
