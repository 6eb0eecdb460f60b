import { showNotification } from '../../platform/powers.ts';

/**
 * A short three-note chime made with Web Audio, so no sound file is shipped or fetched. A browser
 * that has not seen a click on the page yet may refuse to play: the dialog and the notification
 * still show.
 */
export function playChime(): void {
  try {
    const context = new AudioContext();
    const notes = [880, 660, 880];
    notes.forEach((frequency, i) => {
      const start = context.currentTime + i * 0.22;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.2);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.2);
    });
    setTimeout(() => void context.close(), notes.length * 220 + 100);
  } catch {
    // No Web Audio (an old browser, a test environment): silence, the dialog is what counts.
  }
}

/** A notification outside the window: the desktop app's, or the browser's once allowed; clicking it brings this tab forward. */
export const notify = (title: string, body: string, tag: string) => void showNotification({ title, body, tag });
