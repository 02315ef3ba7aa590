// Mirrors the official postgres image's docker-entrypoint.sh (docker-library/postgres 17/bookworm)
// and the server's startup log; simplified: initdb's output is reduced to its first and last lines.

import { BindError, bindSocket } from '../../../kernel/socket.ts';
import type { Program } from '../../program.ts';

const NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** pgTime formats a time as PostgreSQL's log_line_prefix %m does ("2026-01-05 09:00:00.123 UTC"). */
function pgTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)} UTC`;
}

/** postgres is the postgres image's main process: it refuses to start without a password, else listens on 5432. */
export const postgres: Program = (ctx) => {
  const env = ctx.env;
  if (!env.POSTGRES_PASSWORD && env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
    return { stdout: '', stderr: NO_PASSWORD, exitCode: 1 };
  }
  const version = (env.PG_VERSION ?? '17.5-1.pgdg120+1').split('-')[0];
  const t = pgTime(ctx.world.clock.now());
  const ownerId = ctx.place.container?.id;
  const app = { kind: 'tcp' as const };
  let log = `The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\n`;
  log += `The database cluster will be initialized with locale "en_US.utf8".\n`;
  log += `...\nSuccess. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n\n`;
  log += 'PostgreSQL init process complete; ready for start up.\n\n';
  const server = `${t} [1] LOG:  starting PostgreSQL ${version} (Debian ${env.PG_VERSION ?? version}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n`;
  for (const ip of ['0.0.0.0', '::']) {
    try {
      bindSocket(ctx.place.ns, { proto: 'tcp', ip, port: 5432, owner: 'postgres', ownerId, app });
    } catch (e) {
      if (!(e instanceof BindError)) throw e;
      const fam = ip === '::' ? 'IPv6' : 'IPv4';
      ctx.place.ns.sockets = ctx.place.ns.sockets.filter(
        (s) => s.owner !== 'postgres' || s.ownerId !== ownerId,
      );
      const err = `${server}${t} [1] LOG:  could not bind ${fam} address "${ip}": Address already in use\n${t} [1] FATAL:  could not create any TCP/IP sockets\n`;
      return { stdout: log, stderr: err, exitCode: 1 };
    }
  }
  const ready = `${server}${t} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432\n${t} [1] LOG:  listening on IPv6 address "::", port 5432\n${t} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"\n${t} [1] LOG:  database system is ready to accept connections\n`;
  return { stdout: log, stderr: ready, exitCode: 0, running: true };
};
