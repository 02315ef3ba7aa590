// Mirrors moby/moby errdefs (errdefs/defs.go, errdefs/helpers.go) and libnetwork/types/types.go:
// errors carry a kind; only api/ maps a kind to an HTTP status and only cli/ to wording and exit codes.

/** ErrorKind is the class of a simulator error, as in moby's errdefs. */
export type ErrorKind =
  | 'notFound'
  | 'invalidParameter'
  | 'conflict'
  | 'forbidden'
  | 'unavailable'
  | 'notImplemented'
  | 'notModified'
  | 'system';

/** SimError is an error with a kind; its message is dockerd's message, without any prefix. */
export class SimError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = 'SimError';
  }
}

/** notFound is moby's errdefs.NotFound / types.NotFoundErrorf. */
export const notFound = (msg: string): SimError => new SimError('notFound', msg);
/** invalidParameter is moby's errdefs.InvalidParameter / types.InvalidParameterErrorf. */
export const invalidParameter = (msg: string): SimError => new SimError('invalidParameter', msg);
/** conflict is moby's errdefs.Conflict. */
export const conflict = (msg: string): SimError => new SimError('conflict', msg);
/** forbidden is moby's errdefs.Forbidden / types.ForbiddenErrorf. */
export const forbidden = (msg: string): SimError => new SimError('forbidden', msg);
/** unavailable is moby's errdefs.Unavailable (e.g. "not a swarm manager"). */
export const unavailable = (msg: string): SimError => new SimError('unavailable', msg);
/** notImplemented is moby's errdefs.NotImplemented. */
export const notImplemented = (msg: string): SimError => new SimError('notImplemented', msg);
/** system is moby's errdefs.System: an internal failure. */
export const system = (msg: string): SimError => new SimError('system', msg);

/** isSimError tells whether e is a SimError (optionally of the given kind). */
export function isSimError(e: unknown, kind?: ErrorKind): e is SimError {
  return e instanceof SimError && (kind === undefined || e.kind === kind);
}

/** httpStatusOf maps an error kind to the status dockerd answers with (api/server/httpstatus). */
export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'notFound':
      return 404;
    case 'invalidParameter':
      return 400;
    case 'conflict':
      return 409;
    case 'forbidden':
      return 403;
    case 'unavailable':
      return 503;
    case 'notImplemented':
      return 501;
    case 'notModified':
      return 304;
    default:
      return 500;
  }
}
