import type { Result } from '../../src-shared/errors';
import { IPC_PREFIX } from '../../src-shared/ipc/channelNames';
import type { InvokeChannel } from '../../src-shared/ipc/channelNames';
import type { ChannelArgs, ChannelReply } from '../../src-shared/ipc/contract';
import type { SenderInfo } from '../../src-main/ipc/dispatch';
import type { AppCore } from '../../src-main/app/createApp';

/** The origin the tests give createAppCore, and the app's own main frame calling from it. */
export const ORIGIN = 'app://kassa';
export const FRAME: SenderInfo = { isMainFrame: true, url: `${ORIGIN}/index.html` };

export type CoreCall = <C extends InvokeChannel>(channel: C, ...args: ChannelArgs<C>) => Promise<Result<ChannelReply<C>>>;

/**
 * Calls the core as the preload does, from the app's main frame (or `sender`, for a page served from
 * another origin), typed by the contract; every reply also goes to `onReply` (for checks that a
 * secret never crosses).
 */
export function callCore(
  core: AppCore,
  { sender = FRAME, onReply }: { sender?: SenderInfo; onReply?: (reply: Result<unknown>) => void } = {},
): CoreCall {
  return async (channel, ...args) => {
    const reply = await core.dispatch(IPC_PREFIX + channel, sender, args);
    onReply?.(reply);
    return reply as never;
  };
}

/** The value of a reply that must be ok; anything else fails the test with main's message. */
export function value<T>(result: Result<T>, what = 'reply'): T {
  if (!result.ok) throw new Error(`${what}: expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}
