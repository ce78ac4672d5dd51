/** What `will-quit` hands its listener: enough to hold the quit back. */
export interface QuitEvent {
  preventDefault(): void;
}

export interface QuitGateOptions {
  /** Closes the core: the journal's lock released, the demo's temp folder removed, the scanner let go. */
  close: () => Promise<void>;
  /**
   * Quits for real once the close is done or given up on: Electron's `app.quit` again, which the gate
   * then lets through. Not `app.exit`: that skips the `quit` event, where electron-updater installs a
   * downloaded update.
   */
  finish: () => void;
  /** How long the close may take before the app exits anyway: a hung keychain or disk must not keep a till from quitting. */
  timeoutMs: number;
  /** Told when the close failed or ran out of time, for the log. */
  onProblem?: (message: string) => void;
}

/**
 * The `will-quit` listener: the first quit is held back until the core has closed (or `timeoutMs`
 * has passed), then the app quits again and that quit goes through; a quit asked for meanwhile
 * changes nothing.
 */
export function createQuitGate(options: QuitGateOptions): (event: QuitEvent) => void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
    });
    const closed = options.close().then(
      () => 'closed' as const,
      (error: unknown) => {
        options.onProblem?.(`Программа закрылась с ошибкой: ${error instanceof Error ? error.message : String(error)}`);
        return 'failed' as const;
      },
    );
    void Promise.race([closed, timeout]).then((outcome) => {
      clearTimeout(timer);
      if (outcome === 'timeout') options.onProblem?.(`Программа не закрылась за ${options.timeoutMs} мс и завершена принудительно.`);
      state = 'closed';
      options.finish();
    });
  };
}
