// Mirrors moby/moby api/server/httputils (BoolValue, WriteJSON, ParseForm) and api/server/httpstatus
// (error kind → status): helpers every route handler uses. Error bodies are {"message": "..."}.

import { type FilterArgs, parseFilters } from '../daemon/filters.ts';
import { httpStatusOf, isSimError } from '../errdefs.ts';
import type { ApiResponse } from './types.ts';

/** RouteContext is what a handler receives: path variables, query, body and the API version. */
export interface RouteContext {
  vars: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  version: string;
  method: string;
}

/** boolValue is httputils.BoolValue: absent, "", "0", "no", "false" and "none" are false. */
export function boolValue(query: Record<string, string>, key: string): boolean {
  const v = (query[key] ?? '').trim().toLowerCase();
  return !(v === '' || v === '0' || v === 'no' || v === 'false' || v === 'none');
}

/** boolValueOrDefault is httputils.BoolValueOrDefault: the default when the key is absent. */
export function boolValueOrDefault(query: Record<string, string>, key: string, def: boolean): boolean {
  return query[key] === undefined ? def : boolValue(query, key);
}

/** filtersOf parses the `filters` query parameter. */
export function filtersOf(query: Record<string, string>): FilterArgs {
  return parseFilters(query.filters);
}

/** json answers with a JSON body. */
export function json(status: number, body: unknown): ApiResponse {
  return { status, json: body, headers: { 'Content-Type': 'application/json' } };
}

/** noContent answers 204 (or another status) without a body. */
export function noContent(status = 204): ApiResponse {
  return { status };
}

/** errorResponse maps an error to dockerd's status and {"message"} body; 304 has no body. */
export function errorResponse(e: unknown): ApiResponse {
  if (isSimError(e)) {
    const status = httpStatusOf(e.kind);
    if (status === 304) return { status };
    return json(status, { message: e.message });
  }
  return json(500, { message: e instanceof Error ? e.message : String(e) });
}

/** intQuery parses an integer query parameter (strconv.Atoi), undefined when absent. */
export function intQuery(query: Record<string, string>, key: string): number | undefined {
  const v = query[key];
  if (v === undefined || v === '') return undefined;
  if (!/^[-+]?\d+$/.test(v)) throw new Error(`strconv.Atoi: parsing "${v}": invalid syntax`);
  return Number(v);
}
