import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitGate } from './quitGate';

function quitEvent() {
  return { preventDefault: vi.fn<() => void>() };
}

describe('createQuitGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds the quit until the core has closed, then quits again and lets that quit through', async () => {
    let finishClose: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    const finish = vi.fn();
    const onQuit = createQuitGate({ close, finish, timeoutMs: 5_000 });

    const event = quitEvent();
    onQuit(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(finish).not.toHaveBeenCalled();

    finishClose();
    await vi.advanceTimersByTimeAsync(0);
    expect(finish).toHaveBeenCalledOnce();
    // The quit that finish() asks for goes through, so Electron emits `quit` (an update installs there).
    const again = quitEvent();
    onQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledOnce();
  });

  it('closes once however often the quit is asked for meanwhile', async () => {
    let finishClose: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    const finish = vi.fn();
    const onQuit = createQuitGate({ close, finish, timeoutMs: 5_000 });
    const second = quitEvent();
    onQuit(quitEvent());
    onQuit(second);
    expect(second.preventDefault).toHaveBeenCalledOnce();
    finishClose();
    await vi.advanceTimersByTimeAsync(0);
    expect(close).toHaveBeenCalledOnce();
    expect(finish).toHaveBeenCalledOnce();
  });

  it('quits after the timeout when the close hangs, and says so', async () => {
    const finish = vi.fn();
    const onProblem = vi.fn();
    const onQuit = createQuitGate({ close: () => new Promise<void>(() => undefined), finish, timeoutMs: 3_000, onProblem });
    onQuit(quitEvent());
    await vi.advanceTimersByTimeAsync(2_999);
    expect(finish).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(finish).toHaveBeenCalledOnce();
    expect(onProblem).toHaveBeenCalledWith(expect.stringContaining('3000 мс'));
  });

  it('quits when the close fails, and says why', async () => {
    const finish = vi.fn();
    const onProblem = vi.fn();
    const onQuit = createQuitGate({ close: () => Promise.reject(new Error('журнал занят')), finish, timeoutMs: 3_000, onProblem });
    onQuit(quitEvent());
    await vi.advanceTimersByTimeAsync(0);
    expect(finish).toHaveBeenCalledOnce();
    expect(onProblem).toHaveBeenCalledWith(expect.stringContaining('журнал занят'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(finish).toHaveBeenCalledOnce();
  });
});
