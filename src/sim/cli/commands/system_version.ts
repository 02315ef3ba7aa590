// Mirrors docker/cli cli/command/system/version.go (defaultVersionTemplate, reformatDate,
// prettyPrintVersion).

import { type CommandSpec, noArgs } from '../cobra.ts';
import { ApiError, CliError } from '../errors.ts';
import { formatFlag, INSPECT_FORMAT_HELP } from '../opts.ts';
import { tabulate } from '../tabwriter.ts';
import { ExecError, GoStruct, parseTemplate, TemplateParseError } from '../template/index.ts';

/** CLIENT_VERSION is the docker CLI version this simulator reproduces. */
export const CLIENT_VERSION = '28.2.2';
/** CLIENT_GIT_COMMIT is the short commit of docker/cli v28.2.2. */
export const CLIENT_GIT_COMMIT = 'e6534b4';
const CLIENT_BUILD_TIME = 'Fri May 30 12:07:27 2025';
/** CLIENT_PLATFORM is the client's platform name (the "Client:" heading). */
export const CLIENT_PLATFORM = 'Docker Engine - Community';
const GO_VERSION = 'go1.24.3';
const DEFAULT_API_VERSION = '1.50';

const VERSION_TEMPLATE = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:	{{.Version}}
 API version:	{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:	{{.GoVersion}}
 Git commit:	{{.GitCommit}}
 Built:	{{.BuildTime}}
 OS/Arch:	{{.Os}}/{{.Arch}}
 Context:	{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:	{{.Version}}
  API version:	{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:	{{index .Details "GoVersion"}}
  Git commit:	{{index .Details "GitCommit"}}
  Built:	{{index .Details "BuildTime"}}
  OS/Arch:	{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:	{{index .Details "Experimental"}}
  {{- else }}
  Version:	{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:	{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** reformatDate is version.go's reformatDate: RFC 3339 → time.ANSIC ("Fri May 30 12:07:27 2025"). */
export function reformatDate(s: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(s);
  if (!m) return s;
  const wall = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${DAYS[wall.getUTCDay()]} ${MONTHS[Number(m[2]) - 1]} ${String(Number(m[3])).padStart(2, ' ')} ${m[4]}:${m[5]}:${m[6]} ${m[1]}`;
}

function clientVersion(apiVersion: string, context: string): GoStruct {
  const fields = {
    Platform: new GoStruct('*system.platformInfo', { Name: CLIENT_PLATFORM }),
    Version: CLIENT_VERSION,
    APIVersion: apiVersion,
    DefaultAPIVersion: DEFAULT_API_VERSION,
    GitCommit: CLIENT_GIT_COMMIT,
    GoVersion: GO_VERSION,
    Os: 'linux',
    Arch: 'amd64',
    BuildTime: CLIENT_BUILD_TIME,
    Context: context,
  };
  return new GoStruct('system.clientVersion', fields, {}, () => ({
    Platform: { Name: CLIENT_PLATFORM },
    Version: CLIENT_VERSION,
    ApiVersion: apiVersion,
    DefaultAPIVersion: DEFAULT_API_VERSION,
    GitCommit: CLIENT_GIT_COMMIT,
    GoVersion: GO_VERSION,
    Os: 'linux',
    Arch: 'amd64',
    BuildTime: CLIENT_BUILD_TIME,
    Context: context,
  }));
}

/** Json is a decoded JSON object from the API. */
export type Json = Record<string, unknown>;

function serverVersion(sv: Json): Json {
  const comps: Json[] = ((sv.Components as Json[] | undefined) ?? []).map((c) => ({
    ...c,
    Details: { ...((c.Details as Json) ?? {}) },
  }));
  let found = false;
  for (const c of comps) {
    if (c.Name === 'Engine') {
      found = true;
      const d = c.Details as Json;
      if (typeof d.BuildTime === 'string') d.BuildTime = reformatDate(d.BuildTime);
    }
  }
  if (!found) {
    comps.push({
      Name: 'Engine',
      Version: sv.Version,
      Details: {
        ApiVersion: sv.ApiVersion,
        MinAPIVersion: sv.MinAPIVersion,
        GitCommit: sv.GitCommit,
        GoVersion: sv.GoVersion,
        Os: sv.Os,
        Arch: sv.Arch,
        BuildTime: reformatDate(String(sv.BuildTime ?? '')),
        Experimental: String(sv.Experimental ?? false),
      },
    });
  }
  return { ...sv, Platform: sv.Platform ?? { Name: '' }, Components: comps };
}

/** versionCommand is `docker version`. */
export function versionCommand(): CommandSpec {
  return {
    use: 'version [OPTIONS]',
    short: 'Show the Docker version information',
    args: noArgs,
    annotations: { 'category-top': '10' },
    flags: [formatFlag(INSPECT_FORMAT_HELP, 'f')],
    run: (ctx, _args, flags) => {
      let format = flags.get<string>('format');
      if (format === '') format = VERSION_TEMPLATE;
      else if (format === 'json') format = '{{json .}}';
      let tmpl: ReturnType<typeof parseTemplate>;
      try {
        tmpl = parseTemplate(format, 'version', {
          getDetailsOrder: {
            params: ['any'],
            fn: (c) => Object.keys(((c as Json).Details as Json) ?? {}).sort(),
          },
        });
      } catch (e) {
        if (e instanceof TemplateParseError) throw new CliError(`template parsing error: ${e.message}`, 64);
        throw e;
      }
      let server: Json | null = null;
      let apiErr: ApiError | undefined;
      try {
        server = serverVersion(ctx.client.get<Json>('/version'));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        apiErr = e;
      }
      const data = new GoStruct(
        'system.versionInfo',
        { Client: clientVersion(DEFAULT_API_VERSION, 'default'), Server: server },
        {},
        () => ({
          Client: (clientVersion(DEFAULT_API_VERSION, 'default').json as () => unknown)(),
          Server: server,
        }),
      );
      let text = '';
      let execErr: string | undefined;
      try {
        // types.Version's Go field APIVersion is "ApiVersion" in the JSON the template walks.
        text = tmpl.execute(data, { fieldAliases: { APIVersion: 'ApiVersion' } });
      } catch (e) {
        if (!(e instanceof ExecError)) throw e;
        execErr = e.message;
      }
      ctx.out(tabulate(`${text}\n`, 20, 1, 1, ' '));
      if (apiErr) throw apiErr;
      if (execErr) throw new CliError(execErr);
    },
  };
}
