import { createAppCore } from '../../src-main/app/createApp';
import type { AppCore, AppOptions } from '../../src-main/app/createApp';
import { MemorySecretStore } from '../../src-main/settings/secretStore';
import { CHEAP_SCRYPT } from '../manager/cheapScrypt';
import { callCore, ORIGIN } from './callCore';
import type { CoreCall } from './callCore';

export interface TestCore {
  core: AppCore;
  call: CoreCall;
  events: { event: string; payload: unknown }[];
  /** Every reply and every event, serialised: what a check that the secret never crosses reads. */
  wire: string[];
}

const opened: AppCore[] = [];

/**
 * The app core as the tests drive it: the tests' origin, a keychain in memory and the cheap manager
 * hash unless given; every event and reply recorded. closeTestCores closes all of them.
 */
export async function openTestCore(options: Omit<AppOptions, 'trustedOrigin' | 'secretStore'> & Partial<Pick<AppOptions, 'secretStore'>>): Promise<TestCore> {
  const core = await createAppCore({ secretStore: new MemorySecretStore(), managerScrypt: CHEAP_SCRYPT, ...options, trustedOrigin: ORIGIN });
  opened.push(core);
  const events: TestCore['events'] = [];
  const wire: string[] = [];
  core.subscribe((event, payload) => {
    events.push({ event, payload });
    wire.push(JSON.stringify(payload));
  });
  return { core, events, wire, call: callCore(core, { onReply: (reply) => wire.push(JSON.stringify(reply)) }) };
}

export async function closeTestCores(): Promise<void> {
  await Promise.all(opened.splice(0).map((core) => core.close()));
}
