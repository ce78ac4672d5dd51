import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Result } from '../../src-shared/errors';
import { CameraError, openCamera, stopStream, type CameraProblem } from './cameraAccess';
import { FrameDecoder } from './frameDecoder';

export type CameraStatus =
  | { state: 'starting' }
  | { state: 'running'; fps: number | null }
  | { state: 'failed'; problem: CameraProblem | 'decoder'; detail: string };

export interface CameraScanOptions {
  active: boolean;
  deviceId: string | null;
  /** The texts of the QR codes in one decoded frame (often none). */
  onTexts: (texts: string[]) => void;
  /** Tells main the camera opens or closes; main grants `media` only in between. */
  setAccess: (open: boolean) => Promise<Result<{ open: boolean }>>;
  /** Called once the stream runs: device names are readable from then on. */
  onStarted?: () => void;
}

const OPEN_TIMEOUT_MS = 10_000;
/** Larger frames are scaled down to this: enough for a phone's QR at arm's length, fast to decode. */
const MAX_WIDTH = 640;
const MAX_HEIGHT = 480;

/**
 * The camera for one screen: opens it, shows it in `videoRef`, hands every new frame to the decoder
 * worker (one at a time), and closes everything when inactive or unmounted. Every failure ends in a
 * named problem, never a spinner: opening has a timeout, an unplugged camera ends its track.
 */
export function useCameraScan(options: CameraScanOptions): { videoRef: RefObject<HTMLVideoElement | null>; status: CameraStatus; retry: () => void } {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { active, deviceId } = options;
  // Each opening has its own status; a new one (another camera, «Повторить») starts as 'starting'.
  const session = `${String(active)}|${deviceId ?? ''}|${attempt}`;
  const [reported, setReported] = useState<{ session: string; status: CameraStatus } | null>(null);
  const status: CameraStatus = reported?.session === session ? reported.status : { state: 'starting' };
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let decoder: FrameDecoder | null = null;
    let frameCallback: number | null = null;
    const decodedAt: number[] = [];
    let shownAt = 0;
    let runningSince = Infinity;
    // fail() and the cleanup change these while an await is pending, and TypeScript keeps a narrowing
    // across an await: the checks after one read them through a call.
    const isStopped = (): boolean => stopped;
    const liveDecoder = (): FrameDecoder | null => decoder;
    const setStatus = (next: CameraStatus): void => setReported({ session, status: next });

    const fail = (problem: CameraProblem | 'decoder', detail: string): void => {
      if (stopped) return;
      stopped = true;
      release();
      setStatus({ state: 'failed', problem, detail });
    };

    const release = (): void => {
      const video = videoRef.current;
      if (video && frameCallback !== null) video.cancelVideoFrameCallback(frameCallback);
      stopStream(stream);
      stream = null;
      decoder?.close();
      decoder = null;
      if (video) video.srcObject = null;
      void latest.current.setAccess(false);
    };

    let decodedCount = 0;
    const countFrame = (now: number): void => {
      decodedCount += 1;
      // For tests that must see frames go by before "nothing more happened"; a DOM write, no render.
      videoRef.current?.setAttribute('data-decoded-frames', String(decodedCount));
      decodedAt.push(now);
      while (decodedAt.length > 0 && (decodedAt[0] ?? now) < now - 1000) decodedAt.shift();
      // A rate is shown only over a full second: the first frames would read as "1 frame/s".
      if (now - shownAt < 500 || now - runningSince < 1000) return;
      shownAt = now;
      setStatus({ state: 'running', fps: decodedAt.length });
    };

    let fresh = false;
    const decodeNext = async (): Promise<void> => {
      const video = videoRef.current;
      if (stopped || !decoder || decoder.busy || !fresh || !video || video.videoWidth === 0) return;
      fresh = false;
      const scale = Math.min(1, MAX_WIDTH / video.videoWidth, MAX_HEIGHT / video.videoHeight);
      try {
        const frame = await createImageBitmap(video, {
          resizeWidth: Math.round(video.videoWidth * scale),
          resizeHeight: Math.round(video.videoHeight * scale),
        });
        if (isStopped() || !liveDecoder()) {
          frame.close();
          return;
        }
        const result = await decoder.decode(frame);
        if (isStopped()) return;
        countFrame(performance.now());
        latest.current.onTexts(result.texts);
      } catch (error) {
        if (!isStopped()) fail('decoder', error instanceof Error ? error.message : String(error));
        return;
      }
      void decodeNext();
    };

    const onFrame = (): void => {
      const video = videoRef.current;
      if (stopped || !video) return;
      fresh = true;
      frameCallback = video.requestVideoFrameCallback(onFrame);
      void decodeNext();
    };

    const start = async (): Promise<void> => {
      const access = await latest.current.setAccess(true);
      if (stopped) return;
      if (!access.ok) {
        fail('failed', access.error.message);
        return;
      }
      try {
        stream = await openCamera(navigator.mediaDevices, deviceId, OPEN_TIMEOUT_MS);
      } catch (error) {
        const camera = error instanceof CameraError ? error : new CameraError('failed', String(error));
        fail(camera.problem, camera.message);
        return;
      }
      const video = videoRef.current;
      if (isStopped() || !video) {
        stopStream(stream);
        return;
      }
      for (const track of stream.getVideoTracks()) {
        track.addEventListener('ended', () => fail(deviceId === null ? 'missing' : 'unplugged', 'the camera track ended'));
      }
      video.srcObject = stream;
      try {
        await video.play();
      } catch (error) {
        if (!isStopped()) {
          fail('failed', error instanceof Error ? error.message : String(error));
          return;
        }
      }
      if (isStopped()) return;
      decoder = new FrameDecoder();
      setStatus({ state: 'running', fps: null });
      runningSince = performance.now();
      latest.current.onStarted?.();
      frameCallback = video.requestVideoFrameCallback(onFrame);
    };
    void start();

    return () => {
      if (stopped) return;
      stopped = true;
      release();
    };
  }, [active, deviceId, session]);

  return { videoRef, status, retry: () => setAttempt((n) => n + 1) };
}
