/**
 * Every call into the desktop shell (frontend/src-tauri, the contract in DESKTOP-INTERFACE of the brief),
 * in one file: the rest of the web client reaches them through ../powers.ts, which loads this chunk
 * on desktop only. Names and payloads are the Rust commands' and events'.
 */
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { disable, enable, isEnabled } from '@tauri-apps/plugin-autostart';
import { readText, writeText } from '@tauri-apps/plugin-clipboard-manager';
import { isPermissionGranted, requestPermission, sendNotification } from '@tauri-apps/plugin-notification';
import { openUrl } from '@tauri-apps/plugin-opener';
import { load } from '@tauri-apps/plugin-store';

export const secrets = {
  get: (key: string) => invoke<string | null>('secret_get', { key }),
  set: (key: string, value: string) => invoke<void>('secret_set', { key, value }),
  delete: (key: string) => invoke<void>('secret_delete', { key }),
};

export interface ServerCheck {
  ok: boolean;
  version?: string;
  /** invalid-url, timeout, unreachable, http-<status>, not-panoramix */
  error?: string;
}
/** GET <url>/api/health from Rust: no CORS question, 5 s at most. */
export const checkServer = (url: string) => invoke<ServerCheck>('check_server', { url });

export interface SystemInfo {
  memory: { totalBytes: number; usedBytes: number };
  disks: { mount: string; totalBytes: number; availableBytes: number }[];
  processes: { pid: number; name: string; memoryBytes: number; cpuPercent: number }[];
}
export const systemInfo = () => invoke<SystemInfo>('system_info');

export const pty = {
  spawn: (cols: number, rows: number) => invoke<number>('pty_spawn', { cols, rows }),
  write: (id: number, data: string) => invoke<void>('pty_write', { id, data }),
  resize: (id: number, cols: number, rows: number) => invoke<void>('pty_resize', { id, cols, rows }),
  kill: (id: number) => invoke<void>('pty_kill', { id }),
  onOutput: (listener: (id: number, data: string) => void) =>
    listen<{ id: number; data: string }>('pty-output', (event) => listener(event.payload.id, event.payload.data)),
  onExit: (listener: (id: number, code: number) => void) =>
    listen<{ id: number; code: number }>('pty-exit', (event) => listener(event.payload.id, event.payload.code)),
};

export interface TrayLabels {
  show: string;
  autostart: string;
  minimise: string;
  quit: string;
}
export const tray = {
  setUnread: (count: number) => invoke<void>('tray_set_unread', { count }),
  setLabels: (labels: TrayLabels) => invoke<void>('tray_set_labels', { ...labels }),
};

/** `panoramix://tasks?open=…` arrives as `/tasks?open=…`. */
export const onDeepLink = (listener: (path: string) => void) =>
  listen<{ path: string }>('deep-link', (event) => listener(event.payload.path));
/** The link the app was started with, once (the event above fires only for links opened while it runs). */
export const deepLinkPending = () => invoke<string | null>('deep_link_pending');

export async function notify(title: string, body: string): Promise<void> {
  if (!(await isPermissionGranted()) && (await requestPermission()) !== 'granted') return;
  // An XDG sound name: the notification daemon plays the theme's sound (Linux).
  sendNotification({ title, body, sound: 'message-new-instant' });
}

export const copyText = (text: string) => writeText(text);
export { readText };

export const openExternal = (url: string) => openUrl(url);

/** Rust shows the save dialog and writes the bytes; resolves with the path, or null when cancelled. */
export const saveFile = async (name: string, blob: Blob) =>
  invoke<string | null>('save_file', new Uint8Array(await blob.arrayBuffer()), {
    headers: { 'x-file-name': encodeURIComponent(name) },
  });

export const autostart = { isEnabled, enable, disable };

const settings = () => load('settings.json', { autoSave: true, defaults: { minimiseToTray: false } });
export const minimiseToTray = {
  get: async () => (await (await settings()).get<boolean>('minimiseToTray')) ?? false,
  set: async (on: boolean) => (await settings()).set('minimiseToTray', on),
};

export const serverStore = () => load('servers.json', { autoSave: true, defaults: { servers: [], current: null } });
