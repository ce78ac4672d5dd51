import { codedError } from '../../src-shared/errors';
import type { Result } from '../../src-shared/errors';
import { validateFeedUrl } from '../../src-shared/update/feedUrl';
import type { UpdateView } from '../../src-shared/update/types';
import { initialState, installVerdict, isCheckDue, nextCheckAt, reduce, updateView } from './updatePolicy';
import type { TillActivity, UpdateEvent, UpdateState } from './updatePolicy';
import type { UpdaterPort } from './updaterPort';
import type { UpdateStore } from './updateStore';

export interface UpdateServiceOptions {
  port: UpdaterPort;
  store: UpdateStore;
  appVersion: string;
  now: () => number;
  activity: () => TillActivity;
}

/** A machine that slept past a check wakes to find it due within this long. */
const MAX_TIMER_MS = 10 * 60_000;

/**
 * The manager's updates: the feed they set, checked at start and daily by the policy's clock,
 * the download left to the port, the install only when the policy allows it.
 */
export class UpdateService {
  readonly #options: UpdateServiceOptions;
  #state: UpdateState;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  private constructor(options: UpdateServiceOptions, state: UpdateState) {
    this.#options = options;
    this.#state = state;
    options.port.onEvent((event) => {
      const at = options.now();
      switch (event.type) {
        case 'up-to-date':
          this.#apply({ type: 'up-to-date', at });
          break;
        case 'available':
          this.#apply({ type: 'available', at, version: event.version });
          break;
        case 'progress':
          this.#apply({ type: 'progress', percent: event.percent }, false);
          break;
        case 'downloaded':
          this.#apply({ type: 'downloaded', version: event.version });
          break;
        case 'error':
          this.#apply({ type: 'failed', at, error: event.error });
          break;
      }
    });
  }

  static async open(options: UpdateServiceOptions): Promise<UpdateService> {
    const saved = await options.store.load();
    const service = new UpdateService(options, initialState(saved.feedUrl, saved.lastCheck, options.now()));
    options.port.setFeed(saved.feedUrl);
    service.#schedule();
    return service;
  }

  view(): UpdateView {
    return updateView(this.#state, this.#options.appVersion, this.#options.activity(), this.#options.port.canUpdateItself);
  }

  async setFeed(text: string): Promise<Result<UpdateView>> {
    const feed = validateFeedUrl(text);
    if (!feed.ok) return feed;
    const next = reduce(this.#state, { type: 'feed-set', feedUrl: feed.value });
    try {
      await this.#options.store.save({ feedUrl: next.feedUrl, lastCheck: next.lastCheck });
    } catch {
      return { ok: false, error: codedError('config', 'update.feedNotSaved') };
    }
    this.#options.port.setFeed(feed.value);
    this.#state = next;
    this.#schedule();
    return { ok: true, value: this.view() };
  }

  checkNow(): Result<UpdateView> {
    if (this.#state.feedUrl !== null && (this.#state.stage === 'idle' || this.#state.stage === 'ready')) this.#startCheck();
    return { ok: true, value: this.view() };
  }

  installNow(): Result<UpdateView> {
    const verdict = this.#options.port.canUpdateItself ? installVerdict(this.#state, this.#options.activity()) : this.view().install;
    if (!verdict.allowed) return { ok: false, error: { kind: 'input', message: verdict.reason, ...(verdict.key === undefined ? {} : { key: verdict.key }), ...(verdict.params === undefined ? {} : { params: verdict.params }) } };
    this.#state = reduce(this.#state, { type: 'installing' });
    this.#options.port.install();
    return { ok: true, value: this.view() };
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  #startCheck(): void {
    this.#state = reduce(this.#state, { type: 'check-started', at: this.#options.now() });
    this.#options.port.check();
  }

  #apply(event: UpdateEvent, persist = true): void {
    if (this.#closed) return;
    this.#state = reduce(this.#state, event);
    if (persist) void this.#persist();
    this.#schedule();
  }

  async #persist(): Promise<void> {
    try {
      await this.#options.store.save({ feedUrl: this.#state.feedUrl, lastCheck: this.#state.lastCheck });
    } catch {
      // The feed stays set for this run; the manager sees the check results on screen either way.
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#closed) return;
    const now = this.#options.now();
    if (isCheckDue(this.#state, now)) {
      this.#startCheck();
      return;
    }
    const at = nextCheckAt(this.#state);
    if (at === null) return;
    this.#timer = setTimeout(() => this.#schedule(), Math.min(Math.max(at - now, 1_000), MAX_TIMER_MS));
    this.#timer.unref();
  }
}
