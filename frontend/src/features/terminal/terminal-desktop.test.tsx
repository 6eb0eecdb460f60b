import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import TerminalPage from './terminal-page.tsx';

// The desktop app, mocked at the platform's boundary (the Rust commands and events of desktop/native.ts);
// xterm.js is replaced by a recorder, jsdom having no layout for it to measure.
vi.mock('../../platform/index.ts', () => ({ isDesktop: true, apiBase: () => '', clientHeaders: {} }));
const shell = vi.hoisted(() => {
  const listeners: { output?: (id: number, data: string) => void; exit?: (id: number, code: number) => void } = {};
  let next = 7;
  return {
    listeners,
    pty: {
      spawn: vi.fn(() => Promise.resolve(next++)),
      write: vi.fn(() => Promise.resolve()),
      resize: vi.fn(() => Promise.resolve()),
      kill: vi.fn(() => Promise.resolve()),
      onOutput: (listener: (id: number, data: string) => void) => {
        listeners.output = listener;
        return Promise.resolve(() => undefined);
      },
      onExit: (listener: (id: number, code: number) => void) => {
        listeners.exit = listener;
        return Promise.resolve(() => undefined);
      },
    },
    systemInfo: vi.fn(() =>
      Promise.resolve({
        memory: { totalBytes: 8 * 2 ** 30, usedBytes: 2 * 2 ** 30 },
        disks: [{ mount: '/', totalBytes: 100 * 2 ** 30, availableBytes: 40 * 2 ** 30 }],
        processes: [{ pid: 42, name: 'firefox', memoryBytes: 500 * 2 ** 20, cpuPercent: 3.5 }],
      }),
    ),
    copyText: vi.fn(),
    readText: vi.fn(),
  };
});
vi.mock('../../platform/desktop/native.ts', () => shell);
const screens = vi.hoisted(() => [] as { written: string[]; type: (data: string) => void }[]);
vi.mock('@xterm/xterm', () => ({
  Terminal: class {
    cols = 80;
    rows = 24;
    written: string[] = [];
    private onInput: (data: string) => void = () => undefined;
    constructor() {
      screens.push({ written: this.written, type: (data) => this.onInput(data) });
    }
    loadAddon() {}
    open() {}
    focus() {}
    dispose() {}
    write(data: string) {
      this.written.push(data);
    }
    writeln(data: string) {
      this.written.push(data);
    }
    onData(listener: (data: string) => void) {
      this.onInput = listener;
    }
    onResize() {}
    attachCustomKeyEventHandler() {}
  },
}));
vi.mock('@xterm/addon-fit', () => ({
  FitAddon: class {
    fit() {}
  },
}));
vi.mock('@xterm/xterm/css/xterm.css', () => ({}));
globalThis.ResizeObserver ??= class {
  observe() {}
  disconnect() {}
  unobserve() {}
} as never;

beforeEach(() => {
  screens.length = 0;
  vi.clearAllMocks();
});

describe('Terminal in the desktop app', () => {
  it('opens a shell of the terminal’s size, sends what is typed and shows what it prints', async () => {
    render(<TerminalPage />);
    await vi.waitFor(() => expect(shell.pty.spawn).toHaveBeenCalledWith(80, 24));
    const id = await shell.pty.spawn.mock.results[0]?.value;
    act(() => screens[0]?.type('echo panoramix-ok\r'));
    expect(shell.pty.write).toHaveBeenCalledWith(id, 'echo panoramix-ok\r');
    act(() => shell.listeners.output?.(id, 'panoramix-ok\r\n'));
    act(() => shell.listeners.output?.(id + 100, 'another terminal’s output'));
    expect(screens[0]?.written).toEqual(['panoramix-ok\r\n']);
    act(() => shell.listeners.exit?.(id, 0));
    expect(screens[0]?.written.at(-1)).toContain('le shell s’est arrêté, code 0');
  });

  it('opens several terminals, and closing one ends its shell', async () => {
    const user = userEvent.setup();
    render(<TerminalPage />);
    await user.click(screen.getByRole('button', { name: 'Nouveau terminal' }));
    await vi.waitFor(() => expect(shell.pty.spawn).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('region', { name: 'Terminal 2' })).toBeTruthy();
    // The other terminal is kept (its shell goes on), out of view: no longer in the accessibility tree.
    expect(screen.queryByRole('region', { name: 'Terminal 1' })).toBeNull();
    const second = await shell.pty.spawn.mock.results[1]?.value;
    await user.click(screen.getByRole('button', { name: 'Fermer le terminal 2' }));
    await vi.waitFor(() => expect(shell.pty.kill).toHaveBeenCalledWith(second));
    expect(screen.getByRole('region', { name: 'Terminal 1' })).toBeTruthy();
    expect(shell.pty.spawn).toHaveBeenCalledTimes(2);
  });

  it('shows the memory, the disks and the largest processes', async () => {
    render(<TerminalPage />);
    const panel = screen.getByRole('region', { name: 'Système' });
    expect(await within(panel).findByText('firefox')).toBeTruthy();
    expect(within(panel).getByText(/^\/ : 40 Go libres sur 100 Go$/u)).toBeTruthy();
    expect(within(panel).getByText(/2 Go utilisés sur 8 Go/)).toBeTruthy();
  });
});
