import { describe, expect, it } from 'vitest';
import { CameraError, constraintLadder, openCamera, problemOf, videoInputs } from './cameraAccess';

const named = (name: string): Error => Object.assign(new Error(`${name} happened`), { name });
const fakeStream = (): MediaStream & { stopped: number } => {
  const stream = { stopped: 0, getTracks: () => [{ stop: () => (stream.stopped += 1) }] };
  return stream as unknown as MediaStream & { stopped: number };
};

describe('constraintLadder', () => {
  it('asks for no sound, ideal sizes first, then the bare device', () => {
    const ladder = constraintLadder('cam-1');
    expect(ladder).toEqual([
      { audio: false, video: { deviceId: { exact: 'cam-1' }, width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15 } } },
      { audio: false, video: { deviceId: { exact: 'cam-1' } } },
    ]);
    expect(constraintLadder(null)[1]).toEqual({ audio: false, video: true });
    // Nothing but the device id is ever hard: the fake camera and many drivers refuse min/exact sizes.
    expect(JSON.stringify(constraintLadder(null))).not.toMatch(/exact|min|max/);
  });
});

describe('openCamera', () => {
  it('steps down when a constraint is refused', async () => {
    const asked: MediaStreamConstraints[] = [];
    const stream = fakeStream();
    const media = {
      getUserMedia: (c: MediaStreamConstraints) => {
        asked.push(c);
        return asked.length === 1 ? Promise.reject(named('OverconstrainedError')) : Promise.resolve(stream);
      },
    };
    await expect(openCamera(media, null, 1000)).resolves.toBe(stream);
    expect(asked).toHaveLength(2);
  });

  it('stops at a denied permission without asking again', async () => {
    let asked = 0;
    const media = { getUserMedia: () => (asked++, Promise.reject(named('NotAllowedError'))) };
    await expect(openCamera(media, null, 1000)).rejects.toMatchObject({ problem: 'denied' });
    expect(asked).toBe(1);
  });

  it('says the chosen camera is unplugged when even its id is refused', async () => {
    const media = { getUserMedia: () => Promise.reject(named('OverconstrainedError')) };
    await expect(openCamera(media, 'gone', 1000)).rejects.toMatchObject({ problem: 'unplugged' });
    const none = { getUserMedia: () => Promise.reject(named('NotFoundError')) };
    await expect(openCamera(none, null, 1000)).rejects.toMatchObject({ problem: 'missing' });
  });

  it('gives up on a camera that never answers and stops its late stream', async () => {
    const stream = fakeStream();
    let deliver: (s: MediaStream) => void = () => undefined;
    const media = { getUserMedia: () => new Promise<MediaStream>((resolve) => (deliver = resolve)) };
    await expect(openCamera(media, null, 20)).rejects.toMatchObject({ problem: 'timeout' });
    deliver(stream);
    await Promise.resolve();
    expect(stream.stopped).toBe(1);
  });

  it('reports a browser without mediaDevices', async () => {
    await expect(openCamera(undefined, null, 1000)).rejects.toBeInstanceOf(CameraError);
  });
});

describe('problemOf', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'missing'],
    ['NotReadableError', 'busy'],
    ['AbortError', 'busy'],
    ['OverconstrainedError', 'unplugged'],
    ['TypeError', 'failed'],
  ])('%s → %s', (name, problem) => {
    expect(problemOf(named(name))).toBe(problem);
    expect(problemOf({ name })).toBe(problem);
  });

  it('copes with what is not an error', () => {
    expect(problemOf('boom')).toBe('failed');
    expect(problemOf(null)).toBe('failed');
  });
});

describe('videoInputs', () => {
  it('keeps cameras, names the nameless, cuts hostile names', () => {
    const devices = [
      { kind: 'audioinput', deviceId: 'mic', label: 'Микрофон' },
      { kind: 'videoinput', deviceId: 'a', label: ' Integrated Camera ' },
      { kind: 'videoinput', deviceId: 'b', label: '' },
      { kind: 'videoinput', deviceId: '', label: 'hidden' },
      { kind: 'videoinput', deviceId: 'c', label: 'x'.repeat(1000) },
    ] as const;
    const cams = videoInputs(devices, (n) => `Камера ${n}`);
    expect(cams.map((c) => c.deviceId)).toEqual(['a', 'b', 'c']);
    expect(cams[0]?.label).toBe('Integrated Camera');
    expect(cams[1]?.label).toBe('Камера 2');
    expect(cams[2]?.label).toHaveLength(300);
  });
});
