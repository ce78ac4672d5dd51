import { useEffect, useState, type SubmitEvent } from 'react';
import { ErrorPanel } from '../components/ErrorPanel';
import { SectionNotice, type SectionNoticeValue } from '../components/SectionNotice';
import type { LocalApiView } from '../../src-shared/ipc/localApiViews';
import { kassa } from '../api';
import { useKassa } from '../store/StoreContext';
import './localApi.css';

const WORDS = {
  ru: {
    title: 'Локальный API для кассовой программы',
    about: 'Кассовая программа (1С, Frontol, веб-касса) на этом компьютере передаёт сумму покупки и проводит операции через http://127.0.0.1. Инструкция для техника — docs/integration.md.',
    enabled: 'Включить локальный API',
    port: 'Порт',
    save: 'Сохранить',
    saved: 'Сохранено.',
    running: (url: string) => `Работает: ${url}`,
    off: 'Выключен.',
    token: 'Токен (заголовок Authorization: Bearer …)',
    noToken: 'Токена ещё нет: он появится, когда API включат, или по кнопке «Новый токен».',
    copy: 'Скопировать токен',
    copied: 'Токен скопирован.',
    copyFailed: 'Не удалось скопировать: выделите токен и нажмите Ctrl+C.',
    newToken: 'Новый токен',
    newTokenDone: 'Новый токен создан: старый больше не работает. Передайте новый технику кассовой программы.',
    tokenFile: (file: string) => `Файл токена: ${file}`,
    badPort: 'Порт — целое число от 1024 до 65535.',
  },
  en: {
    title: 'Local API for the POS',
    about: 'A POS program on this computer (1C, Frontol, a web POS) sends the purchase total and runs operations through http://127.0.0.1. Guide for the technician: docs/integration.md.',
    enabled: 'Enable the local API',
    port: 'Port',
    save: 'Save',
    saved: 'Saved.',
    running: (url: string) => `Running: ${url}`,
    off: 'Off.',
    token: 'Token (header Authorization: Bearer …)',
    noToken: 'No token yet: it is made when the API is switched on, or by «New token».',
    copy: 'Copy the token',
    copied: 'Token copied.',
    copyFailed: 'Could not copy: select the token and press Ctrl+C.',
    newToken: 'New token',
    newTokenDone: 'A new token was made: the old one no longer works. Give the new one to the POS technician.',
    tokenFile: (file: string) => `Token file: ${file}`,
    badPort: 'The port is a whole number from 1024 to 65535.',
  },
} as const;

type Notice = SectionNoticeValue;

/** The manager's section for the local API: the switch, the port, the token with its copy and «new» buttons. */
export function LocalApiSection() {
  const language = useKassa((state) => state.app?.language ?? 'ru');
  const words = WORDS[language];
  const [view, setView] = useState<LocalApiView | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [port, setPort] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [working, setWorking] = useState(false);

  const show = (next: LocalApiView) => {
    setView(next);
    setEnabled(next.enabled);
    setPort(String(next.port));
  };

  useEffect(() => {
    let current = true;
    void kassa()
      .localApi.get()
      .then((reply) => {
        if (!current) return;
        if (reply.ok) show(reply.value);
        else setNotice({ type: 'error', error: reply.error });
      });
    return () => {
      current = false;
    };
  }, []);

  const run = async (work: () => Promise<Notice>) => {
    setWorking(true);
    setNotice(await work());
    setWorking(false);
  };

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const number = /^\d{4,5}$/.test(port.trim()) ? Number(port.trim()) : Number.NaN;
    if (!(number >= 1024 && number <= 65535)) {
      setNotice({ type: 'problem', text: words.badPort });
      return;
    }
    void run(async () => {
      const reply = await kassa().localApi.save({ enabled, port: number });
      if (!reply.ok) return { type: 'error', error: reply.error };
      show(reply.value);
      return { type: 'ok', text: words.saved };
    });
  };

  const newToken = () =>
    void run(async () => {
      const reply = await kassa().localApi.newToken();
      if (!reply.ok) return { type: 'error', error: reply.error };
      show(reply.value);
      return { type: 'ok', text: words.newTokenDone };
    });

  const copy = () =>
    void run(async () => {
      try {
        await navigator.clipboard.writeText(view?.token ?? '');
        return { type: 'ok', text: words.copied };
      } catch {
        return { type: 'problem', text: words.copyFailed };
      }
    });

  return (
    <section className="group local-api" aria-labelledby="local-api-title" data-testid="local-api-section">
      <h2 id="local-api-title" className="local-api__title">
        {words.title}
      </h2>
      <p>{words.about}</p>
      <form className="local-api__row" onSubmit={save}>
        <label className="local-api__switch">
          <input type="checkbox" checked={enabled} disabled={view === null} onChange={(event) => setEnabled(event.target.checked)} />
          {words.enabled}
        </label>
        <label className="field">
          <span className="field__label">{words.port}</span>
          <input className="field__input local-api__port" inputMode="numeric" value={port} disabled={view === null} onChange={(event) => setPort(event.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={working || view === null}>
          {words.save}
        </button>
      </form>
      {view && (
        <p className="local-api__state" data-testid="local-api-state">
          {view.url ? words.running(view.url) : words.off}
        </p>
      )}
      {view?.problem && <ErrorPanel error={view.problem} look="compact" />}
      {view && (
        <div className="local-api__row">
          <div>
            <span className="field__label">{words.token}</span>
            {view.token === '' ? (
              <p data-testid="local-api-no-token">{words.noToken}</p>
            ) : (
              <code className="local-api__token" data-testid="local-api-token">
                {view.token}
              </code>
            )}
            <small>{words.tokenFile(view.tokenFile)}</small>
          </div>
          <button type="button" className="secondary" disabled={working || view.token === ''} onClick={copy}>
            {words.copy}
          </button>
          <button type="button" className="secondary" disabled={working} onClick={newToken}>
            {words.newToken}
          </button>
        </div>
      )}
      <SectionNotice notice={notice} />
    </section>
  );
}
