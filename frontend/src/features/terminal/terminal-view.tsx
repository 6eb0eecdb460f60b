import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One shell (Rust's pty_* commands) in xterm.js. xterm and the desktop calls are fetched when the
 * first terminal opens, so they weigh on nothing else. Copy and paste: Ctrl+Shift+C / Ctrl+Shift+V
 * (Ctrl+C stays the shell's interrupt), through the system clipboard.
 */
async function startTerminal(host: HTMLElement, texts: { exited: (code: number) => string }) {
  const [{ Terminal }, { FitAddon }, native] = await Promise.all([
    import('@xterm/xterm'),
    import('@xterm/addon-fit'),
    import('../../platform/desktop/native.ts'),
    import('@xterm/xterm/css/xterm.css'),
  ]);
  const terminal = new Terminal({ cursorBlink: true, fontFamily: 'monospace', fontSize: 14 });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(host);
  fit.fit();
  // Output can arrive before pty_spawn answers with the id: it waits here until the id is known.
  const spawned: { id?: number } = {};
  const early: { id: number; data: string }[] = [];
  const stopOutput = await native.pty.onOutput((from, data) => {
    if (spawned.id === undefined) early.push({ id: from, data });
    else if (from === spawned.id) terminal.write(data);
  });
  const stopExit = await native.pty.onExit((from, code) => from === spawned.id && terminal.writeln(`\r\n${texts.exited(code)}`));
  // Keys typed before the shell exists (the field takes them as soon as it is open) wait too, in order.
  const typed: string[] = [];
  terminal.onData((data) => (spawned.id === undefined ? typed.push(data) : void native.pty.write(spawned.id, data)));
  const shell = (spawned.id = await native.pty.spawn(terminal.cols, terminal.rows));
  for (const chunk of early) if (chunk.id === shell) terminal.write(chunk.data);
  for (const data of typed) void native.pty.write(shell, data);
  terminal.onResize(({ cols, rows }) => void native.pty.resize(shell, cols, rows));
  terminal.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey) return true;
    if (event.code === 'KeyC' && terminal.hasSelection()) void native.copyText(terminal.getSelection());
    else if (event.code === 'KeyV') void native.readText().then((text) => text && terminal.paste(text));
    else return true;
    return false;
  });
  const resized = new ResizeObserver(() => host.offsetParent && fit.fit());
  resized.observe(host);
  terminal.focus();
  return () => {
    resized.disconnect();
    stopOutput();
    stopExit();
    void native.pty.kill(shell);
    terminal.dispose();
  };
}

export function TerminalView({ number, shown }: { number: number; shown: boolean }) {
  const { t } = useTranslation('terminal');
  const host = useRef<HTMLDivElement>(null);
  const failure = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let stop: (() => void) | undefined;
    let closed = false;
    startTerminal(element, { exited: (code) => t('exited', { code }) }).then(
      (dispose) => (closed ? dispose() : (stop = dispose)),
      (error: unknown) => {
        if (failure.current) failure.current.textContent = t('startFailed', { error: String(error) });
      },
    );
    return () => {
      closed = true;
      stop?.();
    };
    // One shell per mounted view: a language change does not restart it.
  }, []);
  return (
    <section className="terminal-view" role="region" aria-label={t('terminalName', { number })} hidden={!shown}>
      <p ref={failure} className="form-error" role="alert" />
      <div ref={host} className="terminal-host" />
    </section>
  );
}
