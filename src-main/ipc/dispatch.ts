import type { z } from 'zod/mini';
import { codedError } from '../../src-shared/errors';
import type { MessageKey, MessageParams } from '../../src-shared/messages/messages';
import type { Result } from '../../src-shared/errors';
import { INVOKE_CHANNELS, IPC_PREFIX } from '../../src-shared/ipc/channelNames';
import type { InvokeChannel } from '../../src-shared/ipc/channelNames';
import { invokeContract } from '../../src-shared/ipc/contract';
import type { ChannelArgs, ChannelReply } from '../../src-shared/ipc/contract';
import { sameOrigin } from './origin';

/** What main knows about the frame that sent a message; built from `event.senderFrame` in the glue. */
export interface SenderInfo {
  isMainFrame: boolean;
  url: string;
}

/** A service turned into channels: one function per channel, typed by the contract. */
export type Handlers = {
  [C in InvokeChannel]: (...args: ChannelArgs<C>) => Promise<Result<ChannelReply<C>>>;
};

export type Dispatch = (channel: string, sender: SenderInfo, args: unknown[]) => Promise<Result<unknown>>;

const channelSet: ReadonlySet<string> = new Set(INVOKE_CHANNELS);

function isInvokeChannel(name: string): name is InvokeChannel {
  return channelSet.has(name);
}

/** Only the app's own top-level page may call main: not an iframe, not a page navigated elsewhere. */
export function trustedSender(origin: string): (sender: SenderInfo) => boolean {
  return (sender) => sender.isMainFrame && sameOrigin(sender.url, origin);
}

/**
 * The single entry for every renderer call: prefix and channel checked, sender checked, arguments
 * parsed by the contract's schema, and only then the handler. Nothing thrown escapes: Electron keeps
 * only an error's message, and a stack or a secret must not reach the renderer anyway.
 */
export function createDispatcher(handlers: Handlers, isTrustedSender: (sender: SenderInfo) => boolean): Dispatch {
  return async (channel, sender, args) => {
    if (typeof channel !== 'string' || !channel.startsWith(IPC_PREFIX)) {
      return fail('internal', 'ipc.unknownRequest');
    }
    const name = channel.slice(IPC_PREFIX.length);
    if (!isInvokeChannel(name)) {
      return fail('internal', 'ipc.unknownRequest');
    }
    if (!isTrustedSender(sender)) {
      return fail('internal', 'ipc.foreignSender');
    }
    const parsed = invokeContract[name].args.safeParse(args);
    if (!parsed.success) {
      return fail('input', 'ipc.badData', fieldOf(parsed.error));
    }
    try {
      const handler = handlers[name] as (...a: unknown[]) => Promise<Result<unknown>>;
      return await handler(...(parsed.data as unknown[]));
    } catch {
      return fail('internal', 'ipc.internal');
    }
  };
}

function fieldOf(error: z.core.$ZodError): MessageParams {
  const issue = error.issues[0];
  if (issue === undefined) return {};
  // The first element of the path is the argument index, which means nothing to a person.
  const field = issue.path.slice(1).map(String).join('.');
  return field === '' ? {} : { field };
}

function fail(kind: 'internal' | 'input', key: MessageKey, params?: MessageParams): Result<never> {
  return { ok: false, error: codedError(kind, key, params) };
}
