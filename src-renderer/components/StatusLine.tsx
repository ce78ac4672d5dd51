import type { AppState } from '../../src-shared/ipc/views';
import { useT } from '../i18n/useT';
import { useNow } from '../manager/useNow';
import { useActions, useKassa } from '../store/StoreContext';

const SERVER_TONE = { unknown: 'neutral', pending: 'warn', ok: 'good', error: 'bad' } as const;
const SCANNER_TONE = { ready: 'good', searching: 'warn', error: 'bad' } as const;

export function StatusLine({ app }: { app: AppState }) {
  const t = useT();
  const screen = useKassa((state) => state.screen);
  const { openManager } = useActions();
  const now = useNow(250);
  const pending = app.server.state === 'pending' && app.server.at !== null;
  // Waiting counts seconds; an answer says when it came, so an old one never passes for the latest.
  const serverAt =
    app.server.at === null ? '' : pending ? ` ${t.waiting.seconds(Math.max(0, Math.floor((now - app.server.at) / 1000)))}` : ` ${t.status.at(clock(app.server.at, app.language))}`;
  // main's words for the tooltip are Russian; an English screen shows only its own.
  const serverTitle = app.language === 'ru' ? app.server.message : undefined;
  const scannerTitle = app.language === 'ru' ? app.scanner.message : undefined;
  return (
    <header className="status" aria-label="status">
      <span className="status__title">{t.appTitle}</span>
      <span className="status__item" data-status="shop">
        {t.status.shop(app.shopCode)}
      </span>
      <span className="status__item" data-status="kassa">
        {t.status.kassa(app.kassa)}
      </span>
      <span className={`status__item status__item--${SCANNER_TONE[app.scanner.state]}`} data-status="scanner" title={scannerTitle}>
        {t.status.scanner}: {t.status.scannerState[app.scanner.state]}
      </span>
      <span className={`status__item status__item--${SERVER_TONE[app.server.state]}`} data-status="server" title={serverTitle}>
        {t.status.server}: {t.status.serverState[app.server.state]}
        {serverAt}
      </span>
      {app.phase === 'ready' && screen === 'cashier' && (
        <button type="button" className="status__manager" onClick={openManager}>
          {t.status.openManager}
        </button>
      )}
    </header>
  );
}

function clock(at: number, language: AppState['language']): string {
  return new Date(at).toLocaleTimeString(language === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}
