import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from '../src/db/local-server.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Debian's nginx running nginx/panoramix*.conf as rendered by nginx/render.sh (the web image's
 * own step), on free loopback ports, in the foreground with its own prefix, pid and temp dirs.
 * `tls: true` makes a self-signed certificate first, so render.sh switches HTTPS on.
 */
export async function startNginx(options: { api: string; tls: boolean; webRoot: string; acmeRoot: string }) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-nginx-'));
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const cert = path.join(dir, 'fullchain.pem');
  const key = path.join(dir, 'privkey.pem');
  if (options.tls) {
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...[
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
        ],
      ],
      { stdio: 'ignore' },
    );
  }
  const confDir = path.join(dir, 'conf.d');
  const rendered = execFileSync('sh', [path.join(repoRoot, 'nginx/render.sh')], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      PANORAMIX_CONF_DIR: confDir,
      PANORAMIX_API: options.api,
      PANORAMIX_SERVER_NAME: 'localhost',
      PANORAMIX_HTTP_PORT: `127.0.0.1:${httpPort}`,
      PANORAMIX_HTTPS_PORT: `127.0.0.1:${httpsPort}`,
      PANORAMIX_WEB_ROOT: options.webRoot,
      PANORAMIX_ACME_ROOT: options.acmeRoot,
      PANORAMIX_TLS_CERT: cert,
      PANORAMIX_TLS_KEY: key,
    },
  });
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(path.join(dir, temp));
  const logFile = path.join(dir, 'error.log');
  // The web image's nginx.conf, reduced to what differs here: paths under `dir`, and as root the
  // workers stay root so they can read the test's private temp folders.
  await writeFile(
    path.join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${logFile} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${confDir}/*.conf;
}
`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', logFile], { stdio: 'ignore' });
  await waitForPort(options.tls ? httpsPort : httpPort, child, 5000, 'nginx').catch((error: Error) => {
    throw new Error(`${error.message}:\n${readFileSync(logFile, 'utf8')}`);
  });
  return {
    rendered,
    cert: options.tls ? readFileSync(cert, 'utf8') : undefined,
    http: `http://127.0.0.1:${httpPort}`,
    https: `https://127.0.0.1:${httpsPort}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM'); // fast shutdown: open websockets are cut
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
