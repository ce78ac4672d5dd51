import { useActions } from '../store/StoreContext';
import { useCameraText } from './cameraText';
import './camera.css';

/** «Камера (F6)» on the cashier screen, when the manager left the camera on demand. */
export function CameraButton() {
  const t = useCameraText();
  const { openCamera } = useActions();
  return (
    <button type="button" className="secondary camera__open" onClick={openCamera} data-testid="camera-open">
      {t.open}
    </button>
  );
}
