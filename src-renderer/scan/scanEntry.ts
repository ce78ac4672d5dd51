import type { ScanOrigin } from '../../src-shared/ipc/scannerViews';

/**
 * The single door through which a scan read in this window reaches main (the store's `submitScan`).
 * Every scan source gets one and says how the scan came, for the manager's live test; see useScanCapture.
 */
export type ScanEntry = (text: string, origin: ScanOrigin) => void;

/**
 * Whether a paste outside the fields goes to the scan decoder: any text does, the way a scanner's
 * reading does, so a code typed in the Russian layout («Х"ерз"Ж…») is repaired like a scan and
 * anything else gets the bad-scan message. Only a paste without text (an image, an empty clipboard)
 * has nothing to read.
 */
export function isPastedScan(text: string): boolean {
  return text.trim() !== '';
}

/** Inputs keep their ordinary paste; anywhere else a paste is a scan. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLSelectElement;
}

/** Listens for pastes on the whole document; returns the unsubscribe. */
export function capturePastedScans(doc: Document, enter: ScanEntry): () => void {
  const onPaste = (event: ClipboardEvent): void => {
    if (isTextEntry(event.target)) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!isPastedScan(text)) return;
    event.preventDefault();
    enter(text, { via: 'paste' });
  };
  doc.addEventListener('paste', onPaste);
  return () => doc.removeEventListener('paste', onPaste);
}
