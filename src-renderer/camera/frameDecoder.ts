import { isDecodeReply, type DecodeRequest } from './decodeProtocol';

export interface FrameResult {
  texts: string[];
  decodeMs: number;
}

/**
 * The window's side of the decoder worker: one frame in flight at a time (a slow frame is not
 * queued behind, the next one is simply newer). The worker script is a file of the app's own
 * build, as the CSP's worker-src 'self' demands; never a blob: URL.
 */
export class FrameDecoder {
  private readonly worker: Worker;
  private nextId = 1;
  private pending: { id: number; resolve(result: FrameResult): void; reject(error: Error): void } | null = null;

  constructor() {
    this.worker = new Worker(new URL('./decodeWorker.ts', import.meta.url), { type: 'module', name: 'qr-decoder' });
    this.worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const reply = event.data;
      const pending = this.pending;
      if (!isDecodeReply(reply) || !pending || reply.id !== pending.id) return;
      this.pending = null;
      if (reply.ok) pending.resolve({ texts: reply.texts, decodeMs: reply.decodeMs });
      else pending.reject(new Error(reply.error));
    });
    this.worker.addEventListener('error', (event) => this.fail(new Error(event.message || 'decoder worker failed')));
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  decode(frame: ImageBitmap): Promise<FrameResult> {
    if (this.pending) {
      frame.close();
      return Promise.reject(new Error('a frame is already being decoded'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      const request: DecodeRequest = { id, frame };
      this.worker.postMessage(request, [frame]);
    });
  }

  close(): void {
    this.fail(new Error('decoder closed'));
    this.worker.terminate();
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}
