import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitGate } from './quitGate';

function quitEvent() {
  return { preventDefault: vi.fn<() => void>() };
}

describe('createQuitGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds the quit until the core has closed, then exits with 0', async () => {
    let finishClose: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    const exit = vi.fn();
    const onQuit = createQuitGate({ close, exit, timeoutMs: 5_000 });

    const event = quitEvent();
    onQuit(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(exit).not.toHaveBeenCalled();

    finishClose();
    await vi.advanceTimersByTimeAsync(0);
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it('closes once however often the quit is asked for meanwhile', async () => {
    let finishClose: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    const exit = vi.fn();
    const onQuit = createQuitGate({ close, exit, timeoutMs: 5_000 });
    const second = quitEvent();
    onQuit(quitEvent());
    onQuit(second);
    expect(second.preventDefault).toHaveBeenCalledOnce();
    finishClose();
    await vi.advanceTimersByTimeAsync(0);
    expect(close).toHaveBeenCalledOnce();
    expect(exit).toHaveBeenCalledOnce();
  });

  it('exits after the timeout when the close hangs, and says so', async () => {
    const exit = vi.fn();
    const onProblem = vi.fn();
    const onQuit = createQuitGate({ close: () => new Promise<void>(() => undefined), exit, timeoutMs: 3_000, onProblem });
    onQuit(quitEvent());
    await vi.advanceTimersByTimeAsync(2_999);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(onProblem).toHaveBeenCalledWith(expect.stringContaining('3000 мс'));
  });

  it('exits with 1 when the close fails, and says why', async () => {
    const exit = vi.fn();
    const onProblem = vi.fn();
    const onQuit = createQuitGate({ close: () => Promise.reject(new Error('журнал занят')), exit, timeoutMs: 3_000, onProblem });
    onQuit(quitEvent());
    await vi.advanceTimersByTimeAsync(0);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(onProblem).toHaveBeenCalledWith(expect.stringContaining('журнал занят'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(exit).toHaveBeenCalledOnce();
  });
});
