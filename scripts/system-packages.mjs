// Debian packages the test suites need, installed with apt when missing (CI and fresh machines run as root).
import { spawnSync } from 'node:child_process';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** `packages`: { command: debianPackage }. Installs the packages whose command is missing. */
export function ensureDebianPackages(packages) {
  installDebianPackages(
    Object.entries(packages)
      .filter(([command]) => !has(command))
      .map(([, pkg]) => pkg),
  );
}

const installed = (pkg) =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed');

/** `packages`: Debian package names with no command to look for (libraries, headers); installs the missing ones. */
export function ensureDebianLibraries(packages) {
  installDebianPackages(packages.filter((pkg) => !installed(pkg)));
}

function installDebianPackages(missing) {
  if (missing.length === 0) return;
  console.log(`› installing ${missing.join(', ')} with apt…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
  if (update.status !== 0 || install.status !== 0) {
    console.error(`could not install ${missing.join(', ')}; install them and run again`);
    process.exit(1);
  }
}
