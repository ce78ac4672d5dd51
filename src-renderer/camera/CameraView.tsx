import type { ReactNode, RefObject } from 'react';
import type { CameraText } from './cameraText';
import type { CameraStatus } from './useCameraScan';

/** The live picture and what the camera is doing, shared by the cashier's camera and the manager's test. */
export function CameraView({
  videoRef,
  status,
  label,
  t,
  onRetry,
  stacked = false,
  children,
}: {
  videoRef: RefObject<HTMLVideoElement | null>;
  status: CameraStatus;
  label: string | null;
  t: CameraText;
  onRetry: () => void;
  /** Picture above the text, for a narrow column. */
  stacked?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className={stacked ? 'camera__body camera__body--stacked' : 'camera__body'}>
      <div className="camera__frame">
        <video ref={videoRef} className="camera__video" muted playsInline data-camera-state={status.state} />
        {status.state === 'running' ? <div className="camera__aim" aria-hidden="true" /> : <div className="camera__cover" aria-hidden="true" />}
      </div>
      <div className="camera__side">
        {children}
        {status.state === 'starting' && (
          <p className="camera__status" role="status">
            {t.starting}
          </p>
        )}
        {status.state === 'running' && (
          <p className="camera__status camera__status--running" role="status" data-fps={status.fps ?? ''}>
            {t.running(status.fps)}
          </p>
        )}
        {status.state === 'failed' && (
          <div className="camera__problem" role="alert" data-problem={status.problem} title={status.detail}>
            <p>{t.problems[status.problem](label)}</p>
            <button type="button" className="primary" onClick={onRetry}>
              {t.retry}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
