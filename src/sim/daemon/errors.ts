// Mirrors moby/moby daemon/errors.go (setExitCodeFromError, isInvalidCommand), v28.2.2: how an OCI
// runtime failure to start a process becomes an exit code (126, 127, 128) and an API error kind.

import { SimError } from '../errdefs.ts';

/** runtimeStartError maps an OCI runtime error text to the exit code and error dockerd records. */
export function runtimeStartError(message: string): { exitCode: number; error: SimError } {
  const lower = message.toLowerCase();
  if (lower.includes('permission denied'))
    return { exitCode: 126, error: new SimError('invalidParameter', message) };
  if (lower.includes('is a directory'))
    return { exitCode: 126, error: new SimError('invalidParameter', `${message}: permission denied`) };
  if (lower.includes('not a directory')) {
    const hint =
      ': Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type';
    return { exitCode: 127, error: new SimError('invalidParameter', `${message}${hint}`) };
  }
  const invalidCommand = [
    'executable file not found',
    'no such file or directory',
    'system cannot find the file specified',
    'failed to run runc create/exec call',
  ];
  if (invalidCommand.some((m) => lower.includes(m)))
    return { exitCode: 127, error: new SimError('invalidParameter', message) };
  return { exitCode: 128, error: new SimError('system', message) };
}
