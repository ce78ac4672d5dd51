import type { Result } from '../../src-shared/errors';
import type { Handlers } from '../ipc/dispatch';
import type { UpdateService } from './updateService';

type UpdateChannel = Extract<keyof Handlers, `update.${string}`>;

/** The manager's update channels: each needs the manager logged in. */
export function updateHandlers(
  updates: UpdateService,
  asManager: <T>(action: () => Promise<Result<T>>) => Promise<Result<T>>,
  /** For the status the section polls: needs the manager logged in, but does not extend the session. */
  peekAsManager: <T>(action: () => Promise<Result<T>>) => Promise<Result<T>>,
): Pick<Handlers, UpdateChannel> {
  return {
    'update.status': () => peekAsManager(() => Promise.resolve({ ok: true, value: updates.view() })),
    'update.setFeed': (text) => asManager(() => updates.setFeed(text)),
    'update.check': () => asManager(() => Promise.resolve(updates.checkNow())),
    'update.install': () => asManager(() => Promise.resolve(updates.installNow())),
  };
}
