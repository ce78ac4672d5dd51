import { KeystrokeCapture } from '../../src-shared/keyboard/keystrokeCapture';
import { realScheduler } from '../../src-shared/keyboard/scheduler';
import type { ScanEntry } from '../scan/scanEntry';
import { typeIntoFocus } from './typeIntoFocus';

/**
 * Keyboard-mode scanners read in the window: the Windows case, and the fallback everywhere. The
 * listener sits on the window in the capture phase, ahead of every field and shortcut, and feeds
 * KeystrokeCapture with the physical key and Shift, so the OS layout and Caps Lock never matter.
 * A key the capture claims is swallowed: a scan never lands in the purchase field or fires Enter.
 */
export function captureKeystrokeScans(doc: Document, enter: ScanEntry): () => void {
  const view = doc.defaultView;
  if (!view) return () => undefined;
  const capture = new KeystrokeCapture({
    scheduler: realScheduler,
    onScan: (scan) => enter(scan.text, { via: 'keystrokes', durationMs: Math.round(scan.durationMs) }),
    onRelease: (text) => typeIntoFocus(doc, text),
  });
  const onKeyDown = (event: KeyboardEvent): void => {
    // A held key repeating, or an input method composing, is a person at the keyboard.
    if (event.repeat || event.isComposing) return;
    const claimed = capture.key({
      code: event.code,
      key: event.key,
      shiftKey: event.shiftKey,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      timeStamp: event.timeStamp,
    });
    if (!claimed) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  view.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    view.removeEventListener('keydown', onKeyDown, { capture: true });
    capture.dispose();
  };
}
