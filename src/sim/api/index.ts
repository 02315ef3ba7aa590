// Mirrors moby/moby api/server (NewServer + routers); simplified: one barrel.
// The Engine API package's surface: build a host's API from its daemon (see router.ts).

export { createEngineApi, MIN_API_VERSION } from './router.ts';
export type { ApiRequest, ApiResponse, EngineApi, StreamOutput } from './types.ts';
export { API_VERSION } from './types.ts';
