// The desktop client (frontend/src-tauri): `node scripts/desktop.mjs build` (npm run desktop:build) builds the
// web client, then the release binary and its .deb; `test` (the desktop step of npm test) runs the Rust unit
// tests and clippy, builds the release binary (cargo, on the tests' artifacts: no bundling) and runs the
// WebDriver journey under Xvfb (e2e/desktop/); `check` only the tests and clippy.
// Cargo's target folder lives outside the clone, so CI and a new clone do not compile the ~450 crates again.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, root } from './setup.mjs';
import { ensureDebianLibraries, ensureDebianPackages } from './system-packages.mjs';

const cache = path.join(os.homedir(), '.cache/panoramix');
export const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(cache, 'tauri-target');
export const binary = path.join(targetDir, 'release/panoramix-desktop');
const tauriDir = path.join(root, 'frontend/src-tauri');
const toolsDir = path.join(cache, 'cargo-tools');
const env = { ...process.env, CARGO_TARGET_DIR: targetDir };

/** Runs to completion in the foreground; stops this script on failure (nothing is skipped silently). */
function step(title, command, args, options = {}) {
  console.log(`› desktop: ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, ...options });
  if (result.status !== 0) {
    console.error(`› desktop: ${title} FAILED (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`› desktop: ${title} ok in ${Math.round((Date.now() - started) / 1000)} s`);
}

function ensureSystem() {
  // Tauri's Linux build needs WebKitGTK 4.1 and its friends; the journey needs Xvfb, WebKit's WebDriver and a
  // session D-Bus (the notification daemon under test is python3-dbus on GLib's loop).
  ensureDebianLibraries([
    'libwebkit2gtk-4.1-dev',
    'libsoup-3.0-dev',
    'libjavascriptcoregtk-4.1-dev',
    'libgtk-3-dev',
    'libayatana-appindicator3-dev',
    'librsvg2-dev',
    'libdbus-1-dev',
    'libxdo-dev',
    'python3-dbus',
    'python3-gi',
  ]);
  ensureDebianPackages({
    'pkg-config': 'pkg-config',
    patchelf: 'patchelf',
    Xvfb: 'xvfb',
    WebKitWebDriver: 'webkit2gtk-driver',
    'dbus-daemon': 'dbus-daemon',
  });
}

/** The web client, when told or when missing: tauri::generate_context! reads it when the Rust crate compiles. */
function ensureWeb({ force = false } = {}) {
  if (force || !existsSync(path.join(root, 'frontend/dist/index.html'))) {
    step('web client', 'npm', ['run', 'build', '-w', '@panoramix/frontend']);
  }
}

/** The release binary alone, as `tauri build` makes it, from the artifacts the tests just compiled. */
function buildBinary() {
  step('release binary', 'cargo', ['build', '--release', '--locked'], { cwd: tauriDir });
}

function build() {
  step('release binary and .deb', 'npx', ['tauri', 'build', '--bundles', 'deb'], { cwd: path.join(root, 'frontend') });
  const debDir = path.join(targetDir, 'release/bundle/deb');
  const debs = existsSync(debDir) ? readdirSync(debDir).filter((f) => f.endsWith('.deb')) : [];
  const mb = (file) => `${(statSync(file).size / 1e6).toFixed(1)} MB`;
  console.log(`› desktop: binary ${binary} (${mb(binary)})`);
  for (const deb of debs) console.log(`› desktop: package ${path.join(debDir, deb)} (${mb(path.join(debDir, deb))})`);
}

/** The Rust unit tests, then clippy with warnings as errors. */
function check() {
  step('rust unit tests', 'cargo', ['test', '--release', '--locked'], { cwd: tauriDir });
  step('clippy', 'cargo', ['clippy', '--release', '--locked', '--all-targets', '--', '-D', 'warnings'], { cwd: tauriDir });
}

/** tauri-driver from crates.io, once, into the cache (it bridges WebDriver to WebKitWebDriver). */
export function ensureTauriDriver() {
  const driver = path.join(toolsDir, 'bin/tauri-driver');
  if (!existsSync(driver)) {
    step('tauri-driver', 'cargo', ['install', '--locked', 'tauri-driver', '--version', '2.1.0', '--root', toolsDir]);
  }
  return driver;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command = 'build', ...flags] = process.argv.slice(2);
  ensureDependencies();
  ensureSystem();
  if (command === 'build') {
    ensureWeb({ force: true });
    build();
  } else if (command === 'check') {
    ensureWeb();
    check();
  } else if (command === 'test') {
    // npm test built the web client just before; a lone run builds it here.
    ensureWeb({ force: flags.includes('--web') });
    check();
    buildBinary();
    ensureTauriDriver();
    step('journey', process.execPath, ['--import', 'tsx', 'e2e/desktop/run.ts']);
  } else {
    console.error('usage: node scripts/desktop.mjs build | check | test [--web]');
    process.exit(2);
  }
}
