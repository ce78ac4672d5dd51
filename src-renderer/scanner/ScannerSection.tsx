import { useEffect, useState } from 'react';
import { SectionNotice, type SectionNoticeValue } from '../components/SectionNotice';
import type { ScannerDeviceView, ScannerListView, ScanReport } from '../../src-shared/ipc/scannerViews';
import type { DictionaryWith } from '../i18n/dictionary';
import { useErrorText } from '../i18n/useErrorText';
import { useManagerT } from '../i18n/useT';
import { useActions, useKassa } from '../store/StoreContext';
import './scanner.css';

type Notice = SectionNoticeValue;

/**
 * The manager's «Сканер» section: what is plugged in and how it is read, the choice of scanner,
 * the Honeywell switch to HID POS, what to do with a keyboard-only scanner, the Linux udev rule,
 * and a live test of the last scan.
 */
export function ScannerSection() {
  const t = useManagerT();
  const actions = useActions();
  const scannerState = useKassa((state) => state.app?.scanner.message ?? '');
  const [list, setList] = useState<ScannerListView | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const run = async (what: string, work: () => Promise<Notice>) => {
    setWorking(what);
    setNotice(await work());
    setWorking(null);
  };

  const refresh = () =>
    run('refresh', async () => {
      const reply = await actions.listScanners();
      if (!reply.ok) return { type: 'error', error: reply.error };
      setList(reply.value);
      return null;
    });

  // The status line's message changes when a scanner comes, goes or is opened: the list follows it.
  useEffect(() => {
    let current = true;
    void actions.listScanners().then((reply) => {
      if (!current) return;
      if (reply.ok) setList(reply.value);
      else setNotice({ type: 'error', error: reply.error });
    });
    return () => {
      current = false;
    };
  }, [actions, scannerState]);

  const pin = (device: ScannerDeviceView | null) =>
    void run('pin', async () => {
      const reply = await actions.pinScanner(device?.id ?? null);
      if (!reply.ok) return { type: 'error', error: reply.error };
      setList(reply.value);
      return { type: 'ok', text: device ? t.scanner.pinnedSaved : t.scanner.unpinnedSaved };
    });

  const redirect = (device: ScannerDeviceView) =>
    void run(`redirect:${device.id}`, async () => {
      const reply = await actions.redirectScanner(device.id);
      if (!reply.ok) return { type: 'error', error: reply.error };
      const listed = await actions.listScanners();
      if (listed.ok) setList(listed.value);
      return { type: 'ok', text: reply.value.message };
    });

  const keyboardOnly = list !== null && !list.devices.some((d) => d.mode === 'hid-pos' && d.readable);

  return (
    <section className="group scanner" aria-labelledby="scanner-title" data-testid="scanner-section">
      <div className="scanner__head">
        <h2 id="scanner-title" className="scanner__title">
          {t.scanner.title}
        </h2>
        <button type="button" className="secondary" disabled={working !== null} onClick={() => void refresh()}>
          {working === 'refresh' ? t.scanner.refreshing : t.scanner.refresh}
        </button>
      </div>
      <SectionNotice notice={notice} />
      <div className="scanner__columns">
        <div className="scanner__column">
          <h3 className="scanner__subtitle">{t.scanner.devices}</h3>
          {list !== null && list.devices.length === 0 && <p className="scanner__empty">{t.scanner.noDevices}</p>}
          {list !== null && list.devices.length > 0 && (
            <ul className="scanner__devices">
              {list.devices.map((device) => (
                <DeviceLine
                  key={device.id}
                  device={device}
                  busy={working !== null}
                  redirecting={working === `redirect:${device.id}`}
                  onPin={() => pin(device)}
                  onRedirect={() => redirect(device)}
                  t={t}
                />
              ))}
            </ul>
          )}
          {list !== null && (
            <div className="scanner__choice">
              <p>{list.pinned ? t.scanner.choicePinned : t.scanner.choiceAuto}</p>
              {list.pinned && (
                <button type="button" className="secondary" disabled={working !== null} onClick={() => pin(null)}>
                  {t.scanner.unpin}
                </button>
              )}
            </div>
          )}
          <KeyboardAdvice t={t} open={keyboardOnly} />
          {list?.udev && <UdevHelp udev={list.udev} t={t} />}
        </div>
        <LiveTest t={t} />
      </div>
    </section>
  );
}

function DeviceLine({
  device,
  busy,
  redirecting,
  onPin,
  onRedirect,
  t,
}: {
  device: ScannerDeviceView;
  busy: boolean;
  redirecting: boolean;
  onPin: () => void;
  onRedirect: () => void;
  t: DictionaryWith<'manager'>;
}) {
  return (
    <li className={device.active ? 'scanner__device scanner__device--active' : 'scanner__device'} data-testid="scanner-device">
      <div className="scanner__badges">
        <span className={`scanner__mode scanner__mode--${device.mode}`}>{t.scanner.mode[device.mode]}</span>
        {device.active && <span className="scanner__badge scanner__badge--good">{t.scanner.active}</span>}
        {device.pinned && <span className="scanner__badge">{t.scanner.pinned}</span>}
        {!device.readable && <span className="scanner__badge scanner__badge--warn">{t.scanner.notReadable}</span>}
      </div>
      <p className="scanner__description">{device.description}</p>
      <div className="buttons">
        {device.canRedirect && (
          <button type="button" className="primary" disabled={busy} onClick={onRedirect}>
            {redirecting ? t.scanner.redirecting : t.scanner.redirect}
          </button>
        )}
        {!device.pinned && device.canPin && (
          <button type="button" className="secondary" disabled={busy} onClick={onPin}>
            {t.scanner.pin}
          </button>
        )}
      </div>
    </li>
  );
}

function KeyboardAdvice({ t, open }: { t: DictionaryWith<'manager'>; open: boolean }) {
  return (
    <details className="scanner__advice" open={open || undefined}>
      <summary>{t.scanner.keyboardTitle}</summary>
      <ol>
        {t.scanner.keyboardSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </details>
  );
}

function UdevHelp({ udev, t }: { udev: NonNullable<ScannerListView['udev']>; t: DictionaryWith<'manager'> }) {
  return (
    <details className="scanner__advice" open={!udev.installed || undefined} data-testid="scanner-udev">
      <summary>{t.scanner.udevTitle}</summary>
      {udev.installed ? (
        <p className="scanner__ok">✓ {t.scanner.udevInstalled}</p>
      ) : (
        <>
          <p>{t.scanner.udevMissing}</p>
          <pre className="scanner__command">{udev.commands}</pre>
          <p className="scanner__hint">{t.scanner.udevReadme}</p>
        </>
      )}
    </details>
  );
}

function LiveTest({ t }: { t: DictionaryWith<'manager'> }) {
  const scan = useKassa((state) => state.lastScan);
  const language = useKassa((state) => state.app?.language ?? 'ru');
  return (
    <div className="scanner__column">
      <h3 className="scanner__subtitle">{t.scanner.testTitle}</h3>
      <p className="scanner__hint">{t.scanner.testHint}</p>
      <div className="scanner__test" data-testid="scanner-test" aria-live="polite">
        {scan ? <ScanLines scan={scan} t={t} language={language} /> : <span className="scanner__empty">{t.scanner.testEmpty}</span>}
      </div>
    </div>
  );
}

function ScanLines({ scan, t, language }: { scan: ScanReport; t: DictionaryWith<'manager'>; language: 'ru' | 'en' }) {
  const errorText = useErrorText();
  const time = new Date(scan.at).toLocaleTimeString(language === 'ru' ? 'ru-RU' : 'en-GB');
  const took = [t.scanner.duration(scan.durationMs, scan.waitMs), scan.endedBy && t.scanner.endedBy[scan.endedBy], t.scanner.chars(scan.chars)]
    .filter(Boolean)
    .join(' · ');
  return (
    <dl className="scanner__lines">
      <dt>{t.scanner.result}</dt>
      <dd className={scan.result.ok ? 'scanner__result scanner__result--ok' : 'scanner__result scanner__result--bad'} data-testid="scanner-test-result">
        {scan.result.ok ? `✓ ${t.scanner.resultOk(scan.result.vendor, scan.result.client)}` : `✗ ${errorText(scan.result.error)}`}
        {scan.result.ok && scan.result.repaired && <span className="scanner__warn">{t.scanner.repaired}</span>}
      </dd>
      <dt>{t.scanner.way}</dt>
      <dd data-testid="scanner-test-way">{t.scanner.via[scan.via]}</dd>
      <dt>{t.scanner.took}</dt>
      <dd data-testid="scanner-test-time">
        {took} · {t.scanner.at(time)}
      </dd>
    </dl>
  );
}
