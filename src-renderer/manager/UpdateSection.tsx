import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import type { AppError, Result } from '../../src-shared/errors';
import type { UpdateView } from '../../src-shared/update/types';
import { kassa } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { keyedText } from '../i18n/messageText';
import { useWords } from '../i18n/useT';
import { useKassa } from '../store/StoreContext';
import { UPDATE_TEXT } from './updateText';
import './update.css';

/** How often the open section asks main for the download's progress and the check's result. */
const POLL_MS = 2_000;

type Notice = { type: 'ok'; text: string } | { type: 'error'; error: AppError } | null;

/**
 * The manager's «Обновления» section: the version, the feed, the last check and its result, the
 * download, and «install now» only when main says the till is quiet. Self-contained (its own words
 * and calls), so it can move to any tab of the manager area.
 */
export function UpdateSection() {
  const language = useKassa((state) => state.app?.language ?? 'ru');
  const { messages } = useWords();
  const t = UPDATE_TEXT[language];
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  const [view, setView] = useState<UpdateView | null>(null);
  const [feed, setFeed] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [working, setWorking] = useState(false);

  const accept = useCallback((reply: Result<UpdateView>, ok: string | null): void => {
    if (reply.ok) {
      setView(reply.value);
      setNotice(ok === null ? null : { type: 'ok', text: ok });
    } else {
      setNotice({ type: 'error', error: reply.error });
    }
  }, []);

  useEffect(() => {
    let current = true;
    const load = async (first: boolean) => {
      const reply = await kassa().update.status();
      if (!current) return;
      if (reply.ok) {
        setView(reply.value);
        if (first) setFeed(reply.value.feedUrl ?? '');
      } else if (first) {
        setNotice({ type: 'error', error: reply.error });
      }
    };
    void load(true);
    const timer = setInterval(() => void load(false), POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, []);

  const act = async (work: () => Promise<Result<UpdateView>>, ok: (value: UpdateView) => string | null) => {
    if (working) return;
    setWorking(true);
    const reply = await work();
    accept(reply, reply.ok ? ok(reply.value) : null);
    setWorking(false);
  };

  const saveFeed = (event: SubmitEvent) => {
    event.preventDefault();
    void act(
      () => kassa().update.setFeed(feed),
      (value) => {
        setFeed(value.feedUrl ?? '');
        return t.feedSaved(value.feedUrl !== null);
      },
    );
  };

  const when = (at: number) => new Date(at).toLocaleString(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

  return (
    <section className="group update" aria-labelledby="update-title" data-testid="update-section">
      <h2 id="update-title" className="update__title">
        {t.title}
      </h2>
      {notice?.type === 'ok' && (
        <p className="notice" role="status">
          ✓ {notice.text}
        </p>
      )}
      {notice?.type === 'error' && <ErrorPanel error={notice.error} look="compact" />}
      {view && (
        <>
          <dl className="update__facts">
            <dt>{t.version}</dt>
            <dd data-testid="update-version">{view.version}</dd>
            <dt>{t.lastCheck}</dt>
            <dd data-testid="update-last-check">
              {view.lastCheck === null ? (
                t.never
              ) : (
                <>
                  {when(view.lastCheck.at)} —{' '}
                  <span className={view.lastCheck.outcome === 'error' ? 'update__bad' : 'update__good'}>{keyedText(view.lastCheck, messages)}</span>
                </>
              )}
            </dd>
            {view.nextCheckAt !== null && (
              <>
                <dt>{t.nextCheck}</dt>
                <dd>{when(view.nextCheckAt)}</dd>
              </>
            )}
          </dl>
          <p className="update__stage" data-testid="update-stage">
            {t.stage(view)}
          </p>
          {view.stage === 'downloading' && <progress className="update__progress" max={100} value={view.available?.percent ?? 0} />}
          <form className="update__feed" onSubmit={saveFeed} noValidate>
            <Field
              label={t.feed}
              note={t.feedNote}
              inputMode="url"
              placeholder={t.feedPlaceholder}
              value={feed}
              maxLength={500}
              onChange={(event) => setFeed(event.target.value)}
            />
            <button type="submit" className="secondary" disabled={working}>
              {t.saveFeed}
            </button>
          </form>
          <div className="buttons">
            <button
              type="button"
              className="secondary"
              disabled={working || view.feedUrl === null || view.stage === 'checking' || view.stage === 'downloading'}
              onClick={() => void act(() => kassa().update.check(), () => null)}
            >
              {t.checkNow}
            </button>
            {view.stage === 'ready' && (
              <button
                type="button"
                className="primary"
                disabled={working || !view.install.allowed}
                onClick={() => void act(() => kassa().update.install(), () => null)}
              >
                {t.installNow}
              </button>
            )}
          </div>
          {view.stage === 'ready' && <p className={view.install.allowed ? 'update__hint' : 'update__hint update__bad'}>{keyedText({ message: view.install.reason, ...view.install }, messages)}</p>}
        </>
      )}
    </section>
  );
}
