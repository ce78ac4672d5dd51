import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { INVOKE_CHANNELS, IPC_PREFIX } from '../../src-shared/ipc/channelNames';
import type { EventChannel } from '../../src-shared/ipc/channelNames';
import type { AppCore } from '../app/createApp';
import type { SenderInfo } from '../ipc/dispatch';

/** Every invoke channel goes through the core's one dispatcher, which checks the sender and the arguments. */
export function registerIpc(core: AppCore): void {
  for (const channel of INVOKE_CHANNELS) {
    const name = IPC_PREFIX + channel;
    ipcMain.handle(name, (event, ...args: unknown[]) => core.dispatch(name, senderInfo(event), args));
  }
}

/** Pushes the core's events to the window; returns the unsubscribe for when the window closes. */
export function forwardEvents(core: AppCore, contents: WebContents): () => void {
  return core.subscribe((event: EventChannel, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_PREFIX + event, payload);
  });
}

/** A frame gone by the time the message is handled has no URL to trust: it is treated as a stranger. */
function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  if (frame === null) return { isMainFrame: false, url: '' };
  return { isMainFrame: frame.parent === null, url: frame.url };
}
