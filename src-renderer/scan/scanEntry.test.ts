import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeScan } from '../../src-shared/scan/decodeScan';
import { SCAN_MESSAGES } from '../../src-shared/scan/interpretReading';
import type { ScanOrigin } from '../../src-shared/ipc/scannerViews';
import { capturePastedScans, isPastedScan } from './scanEntry';

const QR = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';
/** The same QR as a keyboard-wedge scanner types it while the OS layout is Russian. */
const QR_RUSSIAN_LAYOUT = 'ХЭензуЭЖЭЫлшвлфищеЭбЭмутвщкЭЖ4бЭсдшутеЭЖ83532824бЭыускуеЭЖ31766Ъ';

describe('isPastedScan', () => {
  it('takes the Skidkabot JSON, with the whitespace a copy may bring', () => {
    expect(isPastedScan(QR)).toBe(true);
    expect(isPastedScan(`\n  ${QR}`)).toBe(true);
  });

  it('takes a QR garbled by the Russian layout, which the decoder repairs as it repairs a scan', () => {
    expect(isPastedScan(QR_RUSSIAN_LAYOUT)).toBe(true);
    expect(decodeScan(QR_RUSSIAN_LAYOUT)).toEqual({ ok: true, value: { vendor: 4, client: 83532824, secret: 31766 } });
  });

  it('takes any other text too, so it gets the same message as a bad scan', () => {
    expect(isPastedScan('4607001234567')).toBe(true);
    expect(decodeScan('4607001234567')).toMatchObject({ ok: false, error: { message: SCAN_MESSAGES.productBarcode } });
    expect(isPastedScan('привет')).toBe(true);
  });

  it('has nothing to read in a paste without text', () => {
    expect(isPastedScan('')).toBe(false);
    expect(isPastedScan(' \n\t')).toBe(false);
  });
});

describe('capturePastedScans', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** Ctrl+V on the page outside any field: what the document listener gets. */
  function pasteOutsideFields(text: string): { entered: [string, ScanOrigin][]; defaultPrevented: boolean } {
    // Only `instanceof HTMLElement` is asked of the target, and a document is not one.
    vi.stubGlobal('HTMLElement', function HTMLElement() {});
    const doc = new EventTarget();
    const entered: [string, ScanOrigin][] = [];
    const stop = capturePastedScans(doc as unknown as Document, (scan, origin) => entered.push([scan, origin]));
    const event = new Event('paste', { cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
    doc.dispatchEvent(event);
    stop();
    return { entered, defaultPrevented: event.defaultPrevented };
  }

  it('hands a Russian-layout QR pasted with Ctrl+V to the same door as a scan', () => {
    expect(pasteOutsideFields(QR_RUSSIAN_LAYOUT)).toEqual({ entered: [[QR_RUSSIAN_LAYOUT, { via: 'paste' }]], defaultPrevented: true });
  });

  it('hands any other pasted text there too, and leaves a paste without text alone', () => {
    expect(pasteOutsideFields('4607001234567').entered).toEqual([['4607001234567', { via: 'paste' }]]);
    expect(pasteOutsideFields('  ')).toEqual({ entered: [], defaultPrevented: false });
  });
});
