import { useCallback, useEffect, useState } from 'react';
import { SectionNotice, type SectionNoticeValue } from '../components/SectionNotice';
import type { CameraSettings } from '../../src-shared/settings/settings';
import { useErrorText } from '../i18n/useErrorText';
import { useActions, useKassa } from '../store/StoreContext';
import { videoInputs, type CameraDevice } from './cameraAccess';
import { classifyCameraRead, type CameraRead } from './cameraRead';
import { useCameraText } from './cameraText';
import { CameraView } from './CameraView';
import { useCameraScan } from './useCameraScan';
import './camera.css';

type Notice = SectionNoticeValue;

const MODES: readonly CameraSettings['mode'][] = ['off', 'on-demand', 'always'];

/**
 * The manager's «Камера» section: how the till uses the camera, which camera, a live preview with a
 * test read (shown here only: a test read starts no checkout), and the choice saved in the settings.
 */
export function CameraSection() {
  const t = useCameraText();
  const actions = useActions();
  const saved = useKassa((state) => state.app?.camera ?? null);
  const shopCode = useKassa((state) => state.app?.shopCode ?? null);
  const [mode, setMode] = useState<CameraSettings['mode']>(saved?.mode ?? 'on-demand');
  const [deviceId, setDeviceId] = useState<string | null>(saved?.deviceId ?? null);
  const [devices, setDevices] = useState<CameraDevice[] | null>(null);
  const [testing, setTesting] = useState(false);
  const [read, setRead] = useState<CameraRead | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const listDevices = useCallback(async () => {
    setDevices(await camerasPlugged(t.section.unnamed));
  }, [t]);

  useEffect(() => {
    let current = true;
    const load = (): void =>
      void camerasPlugged(t.section.unnamed).then((list) => {
        if (current) setDevices(list);
      });
    load();
    // Missing outside a secure context, whatever the DOM types say.
    const media = navigator.mediaDevices as MediaDevices | undefined;
    media?.addEventListener('devicechange', load);
    return () => {
      current = false;
      media?.removeEventListener('devicechange', load);
    };
  }, [t]);

  const onTexts = useCallback(
    (texts: string[]) => {
      const [first] = texts;
      if (first !== undefined) setRead(classifyCameraRead(first, shopCode));
    },
    [shopCode],
  );
  const chosenLabel = devices?.find((d) => d.deviceId === deviceId)?.label ?? (deviceId === saved?.deviceId ? (saved.label ?? null) : null);
  const { videoRef, status, retry } = useCameraScan({
    active: testing,
    deviceId,
    onTexts,
    setAccess: actions.setCameraAccess,
    onStarted: () => void listDevices(),
  });

  const save = async () => {
    setSaving(true);
    const reply = await actions.chooseCamera({ mode, deviceId, label: deviceId === null ? null : chosenLabel });
    setSaving(false);
    setNotice(reply.ok ? { type: 'ok', text: t.section.saved } : { type: 'error', error: reply.error });
  };

  const missing = deviceId !== null && devices !== null && !devices.some((d) => d.deviceId === deviceId);

  return (
    <section className="group camera-section" aria-labelledby="camera-title" data-testid="camera-section">
      <div className="scanner__head">
        <h2 id="camera-title" className="scanner__title">
          {t.section.title}
        </h2>
        <button type="button" className="secondary" onClick={() => void listDevices()}>
          {t.section.refresh}
        </button>
      </div>
      <p className="scanner__hint">{t.section.intro}</p>
      <div className="scanner__columns">
        <div className="scanner__column">
          <fieldset className="camera-section__choice">
            <legend className="scanner__subtitle">{t.section.mode}</legend>
            {MODES.map((m) => (
              <label key={m}>
                <input type="radio" name="camera-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t.section.modes[m]}
              </label>
            ))}
          </fieldset>
          <label className="camera-section__choice">
            <span className="scanner__subtitle">{t.section.device}</span>
            <select
              className="camera-section__select"
              value={deviceId ?? ''}
              disabled={mode === 'off'}
              onChange={(event) => {
                setDeviceId(event.target.value === '' ? null : event.target.value);
                setRead(null);
              }}
            >
              <option value="">{t.section.systemDefault}</option>
              {missing && <option value={deviceId}>{saved?.label ?? deviceId}</option>}
              {devices?.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          {missing && <p className="camera-section__warning">{t.section.notConnected(saved?.label ?? deviceId)}</p>}
          <div className="buttons">
            <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
              {saving ? t.section.saving : t.section.save}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={mode === 'off'}
              onClick={() => {
                setTesting((on) => !on);
                setRead(null);
              }}
            >
              {testing ? t.section.stopTest : t.section.test}
            </button>
          </div>
          <SectionNotice notice={notice} />
        </div>
        {testing && mode !== 'off' && (
          <div className="scanner__column" data-testid="camera-test">
            <CameraView videoRef={videoRef} status={status} label={chosenLabel} t={t} onRetry={retry} stacked />
            <TestRead read={read} />
          </div>
        )}
      </div>
    </section>
  );
}

async function camerasPlugged(unnamed: (n: number) => string): Promise<CameraDevice[]> {
  try {
    return videoInputs(await navigator.mediaDevices.enumerateDevices(), unnamed);
  } catch {
    return [];
  }
}

function TestRead({ read }: { read: CameraRead | null }) {
  const t = useCameraText();
  const errorText = useErrorText();
  if (read === null) return <p className="camera-section__read">{t.section.testIdle}</p>;
  if (read.kind === 'customer') {
    return (
      <p className="camera-section__read camera-section__read--good" data-testid="camera-test-read">
        {t.section.testCustomer(read.vendor, read.client)}
      </p>
    );
  }
  return (
    <p className="camera-section__read camera-section__read--bad" data-testid="camera-test-read">
      {errorText(read.error)}
    </p>
  );
}
