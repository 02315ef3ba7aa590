// Mirrors nginx docs/html/index.html (release-1.29.4, 615 bytes) and src/http/
// ngx_http_special_response.c, and Python 3.12 Lib/http/server.py list_directory; simplified: no
// charset negotiation.

import type { Vfs } from '../../../kernel/vfs.ts';

/** NGINX_INDEX is nginx's default "Welcome to nginx!" page, byte for byte. */
export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const REASONS: Record<number, string> = {
  301: '301 Moved Permanently',
  403: '403 Forbidden',
  404: '404 Not Found',
  405: '405 Not Allowed',
  502: '502 Bad Gateway',
};

/** nginxError builds nginx's built-in error page for a status. */
export function nginxError(status: number, version: string): string {
  const r = REASONS[status] ?? `${status}`;
  return `<html>\r\n<head><title>${r}</title></head>\r\n<body>\r\n<center><h1>${r}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** pythonListing renders http.server's directory listing of dir (shown as urlPath). */
export function pythonListing(fs: Vfs, dir: string, urlPath: string): string {
  const title = `Directory listing for ${esc(urlPath)}`;
  const r = [
    '<!DOCTYPE HTML>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>\n</head>`,
    `<body>\n<h1>${title}</h1>`,
    '<hr>\n<ul>',
  ];
  const names = fs
    .list(dir)
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  for (const n of names) {
    const isDir = fs.isDir(`${dir.replace(/\/$/, '')}/${n}`);
    const link = isDir ? `${n}/` : n;
    r.push(`<li><a href="${encodeURI(link)}">${esc(link)}</a></li>`);
  }
  r.push('</ul>\n<hr>\n</body>\n</html>\n');
  return r.join('\n');
}
