import { useCallback, useMemo } from 'react';
import { useActions, useKassa } from '../store/StoreContext';
import { CameraReadFilter } from './cameraRead';
import { useCameraText } from './cameraText';
import { CameraView } from './CameraView';
import { useCameraScan } from './useCameraScan';
import './camera.css';

/** A QR held in view is one scan; shown again after this long out of view, it is a new one. */
const GONE_MS = 1500;

/**
 * The cashier's camera. Every QR it reads goes to main as a scan, exactly as a scanner's would;
 * this shop's customer ends the camera scan (unless the camera is the till's scanner and stays on),
 * a wrong QR shows its message while the camera keeps looking.
 */
export function CameraPanel({ stayOn }: { stayOn: boolean }) {
  const t = useCameraText();
  const actions = useActions();
  const shopCode = useKassa((state) => state.app?.shopCode ?? null);
  const camera = useKassa((state) => state.app?.camera);
  const filter = useMemo(() => new CameraReadFilter({ goneMs: GONE_MS }), []);
  const { submitScan, closeCamera, setCameraAccess } = actions;

  const onTexts = useCallback(
    (texts: string[]) => {
      const read = filter.next(texts, shopCode, performance.now());
      if (read.action !== 'submit') return;
      void submitScan(read.text, { via: 'camera' });
      if (read.done && !stayOn) closeCamera();
    },
    [filter, shopCode, submitScan, closeCamera, stayOn],
  );

  const { videoRef, status, retry } = useCameraScan({
    active: true,
    deviceId: camera?.deviceId ?? null,
    onTexts,
    setAccess: setCameraAccess,
  });

  return (
    <section className="camera" aria-label={t.title} data-testid="camera-panel">
      <CameraView videoRef={videoRef} status={status} label={camera?.label ?? null} t={t} onRetry={retry}>
        <h2 className="camera__title">{t.title}</h2>
        <p className="camera__hint">{t.hint}</p>
      </CameraView>
      {!stayOn && (
        <button type="button" className="secondary camera__close" onClick={closeCamera}>
          {t.close}
        </button>
      )}
    </section>
  );
}
