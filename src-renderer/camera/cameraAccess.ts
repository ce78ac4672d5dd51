/**
 * Opening the camera. Cameras and drivers differ: some refuse a size or a frame rate, Chromium's
 * fake camera refuses any hard constraint but the device. So the sizes are only `ideal` and the
 * request steps down to the bare device when even that fails.
 */

/** 640×480 is plenty for a phone's QR at arm's length and keeps decoding well above 10 frames/s. */
export function constraintLadder(deviceId: string | null): MediaStreamConstraints[] {
  const device: MediaTrackConstraints = deviceId === null ? {} : { deviceId: { exact: deviceId } };
  return [
    { audio: false, video: { ...device, width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15 } } },
    { audio: false, video: deviceId === null ? true : device },
  ];
}

export type CameraProblem = 'denied' | 'missing' | 'unplugged' | 'busy' | 'timeout' | 'unsupported' | 'failed';

export class CameraError extends Error {
  constructor(
    readonly problem: CameraProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'CameraError';
  }
}

/** getUserMedia's DOMException names, as Chromium and Electron give them, sorted by what the manager can do. */
export function problemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || isNamed(error) ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'missing';
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'unplugged';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

function isNamed(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

export interface MediaPort {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

/**
 * Tries each step of the ladder. Only a refused constraint moves to the next step: a denied
 * permission or a busy camera would fail the same way again. No step may hang the screen: past
 * `timeoutMs` the attempt is given up (a stream that arrives later is stopped at once).
 */
export async function openCamera(media: MediaPort | undefined, deviceId: string | null, timeoutMs: number): Promise<MediaStream> {
  if (!media) throw new CameraError('unsupported', 'navigator.mediaDevices is missing');
  let last: unknown = null;
  for (const constraints of constraintLadder(deviceId)) {
    try {
      return await withTimeout(media.getUserMedia(constraints), timeoutMs);
    } catch (error) {
      if (error instanceof CameraError) throw error;
      last = error;
      if (problemOf(error) !== 'unplugged' && problemOf(error) !== 'failed') break;
    }
  }
  const problem = problemOf(last);
  // The chosen camera refused even by its id alone: it is not there any more.
  const named = deviceId !== null && (problem === 'unplugged' || problem === 'missing') ? 'unplugged' : problem;
  throw new CameraError(named, last instanceof Error ? `${last.name}: ${last.message}` : String(last));
}

function withTimeout(pending: Promise<MediaStream>, timeoutMs: number): Promise<MediaStream> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new CameraError('timeout', `no answer in ${timeoutMs} ms`));
    }, timeoutMs);
    pending.then(
      (stream) => {
        clearTimeout(timer);
        if (late) stopStream(stream);
        else resolve(stream);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // A media error whose prototype lacks Error (a DOMException in some engines) keeps its name for classification.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error instanceof Error || isNamed(error) ? error : new Error(String(error)));
      },
    );
  });
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** One camera the manager can choose. */
export interface CameraDevice {
  deviceId: string;
  label: string;
}

/** Video inputs only; a camera with no name yet (no permission so far) gets a numbered one. */
export function videoInputs(devices: readonly Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>[], unnamed: (n: number) => string): CameraDevice[] {
  return devices
    .filter((d) => d.kind === 'videoinput' && d.deviceId !== '')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label.trim() === '' ? unnamed(i + 1) : d.label.trim().slice(0, 300) }));
}
