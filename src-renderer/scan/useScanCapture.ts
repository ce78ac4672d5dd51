import { useEffect } from 'react';
import { captureKeystrokeScans } from '../scanner/keystrokeScans';
import { useActions } from '../store/StoreContext';
import { capturePastedScans, type ScanEntry } from './scanEntry';

/** A way scans are read in this window: it listens on the document and hands each scan to `enter`. */
export type ScanSource = (doc: Document, enter: ScanEntry) => () => void;

const SOURCES: readonly ScanSource[] = [capturePastedScans, captureKeystrokeScans];

/** Attaches every scan source while the till is open, all feeding the store's one `submitScan`. */
export function useScanCapture(active: boolean): void {
  const { submitScan } = useActions();
  useEffect(() => {
    if (!active) return;
    const enter: ScanEntry = (text, origin) => void submitScan(text, origin);
    const stops = SOURCES.map((source) => source(document, enter));
    return () => {
      for (const stop of stops) stop();
    };
  }, [active, submitScan]);
}
