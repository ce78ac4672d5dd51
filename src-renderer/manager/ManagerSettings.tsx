import { useEffect, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import type { AppError } from '../../src-shared/errors';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { useManagerT } from '../i18n/useT';
import { useActions } from '../store/StoreContext';
import { formFromSettings, parseSecret, settingsFromForm, type FieldErrors, type SettingsForm } from './settingsForm';

/** The save button sits in the header, always in view, and submits the form from there. */
const FORM_ID = 'manager-settings';

/** Kept as keys, not words, so a language switch on save re-words the notice too. */
type Notice = { type: 'ok'; message: 'saved' | 'secretSaved' | 'connectionOk' } | { type: 'error'; error: AppError } | null;

/** The manager's «Настройки» section: the shop, the rules, the language, the server address. */
export function ManagerSettings() {
  const t = useManagerT();
  const actions = useActions();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [secretSet, setSecretSet] = useState(false);
  const [secret, setSecret] = useState('');
  const [secretProblem, setSecretProblem] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [sending, setSending] = useState(false);
  const [testing, setTesting] = useState(false);

  useEffect(() => {
    let current = true;
    void actions.loadSettings().then((reply) => {
      if (!current) return;
      if (reply.ok) {
        setForm(formFromSettings(reply.value.settings));
        setSecretSet(reply.value.secretSet);
      } else {
        setNotice({ type: 'error', error: reply.error });
      }
    });
    return () => {
      current = false;
    };
  }, [actions]);

  const busy = async (work: () => Promise<Notice>) => {
    if (sending) return;
    setSending(true);
    setNotice(null);
    setNotice(await work());
    setSending(false);
  };

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    if (!form) return;
    const checked = settingsFromForm(form);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    void busy(async () => {
      const reply = await actions.saveSettings(checked.settings);
      if (!reply.ok) return { type: 'error', error: reply.error };
      setForm(formFromSettings(reply.value.settings));
      setSecretSet(reply.value.secretSet);
      return { type: 'ok', message: 'saved' };
    });
  };

  const saveSecret = () => {
    const value = parseSecret(secret);
    setSecretProblem(value === null);
    if (value === null) return;
    void busy(async () => {
      const reply = await actions.setSecret(value);
      // The typed secret leaves the page as soon as it is handed to main, whatever the answer.
      setSecret('');
      if (!reply.ok) return { type: 'error', error: reply.error };
      setSecretSet(reply.value.secretSet);
      return { type: 'ok', message: 'secretSaved' };
    });
  };

  const onSecretKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    saveSecret();
  };

  const test = () =>
    void busy(async () => {
      setTesting(true);
      const reply = await actions.testConnection();
      setTesting(false);
      // The check's only success is the shop accepted: said in the screen's language, not main's.
      return reply.ok ? { type: 'ok', message: 'connectionOk' } : { type: 'error', error: reply.error };
    });

  const edit = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((previous) => (previous ? { ...previous, [key]: value } : previous));
  };
  const problem = (key: keyof SettingsForm) => {
    const reason = errors[key];
    return reason ? t.manager.invalid[reason] : null;
  };

  return (
    <main className="manager">
      <div className="manager__head">
        <h1>{t.manager.title}</h1>
        <div className="buttons">
          {form && (
            <>
              <button type="submit" form={FORM_ID} className="primary" disabled={sending}>
                {t.manager.save}
              </button>
              <button type="button" className="secondary" disabled={sending} onClick={test}>
                {testing ? t.manager.testing : t.manager.testConnection}
              </button>
            </>
          )}
        </div>
      </div>
      {notice?.type === 'ok' && (
        <p className="notice" role="status">
          ✓ {t.manager[notice.message]}
        </p>
      )}
      {notice?.type === 'error' && <ErrorPanel error={notice.error} look="compact" />}
      {form && (
        <form id={FORM_ID} className="manager__form" onSubmit={save} noValidate>
          <fieldset className="group">
            <legend>{t.manager.shopGroup}</legend>
            <Field
              label={t.manager.shopCode}
              inputMode="numeric"
              autoFocus
              value={form.shopCode}
              problem={problem('shopCode')}
              onChange={(event) => edit('shopCode', event.target.value)}
            />
            <div className="secret">
              <Field
                label={t.manager.shopSecret}
                note={t.manager.secretState(secretSet)}
                noteTone={secretSet ? 'good' : 'bad'}
                type="password"
                inputMode="numeric"
                placeholder={t.manager.secretPlaceholder}
                value={secret}
                problem={secretProblem ? t.manager.invalid.secret : null}
                onChange={(event) => {
                  setSecret(event.target.value);
                  setSecretProblem(false);
                }}
                onKeyDown={onSecretKey}
              />
              <button type="button" className="secondary" disabled={sending} onClick={saveSecret}>
                {t.manager.saveSecret}
              </button>
            </div>
            <Field
              label={t.manager.kassa}
              inputMode="numeric"
              value={form.kassa}
              problem={problem('kassa')}
              onChange={(event) => edit('kassa', event.target.value)}
            />
          </fieldset>
          <fieldset className="group">
            <legend>{t.manager.rules}</legend>
            <label className="choice-line">
              <input
                type="radio"
                name="rules-source"
                checked={form.rulesSource === 'server'}
                onChange={() => edit('rulesSource', 'server')}
              />
              {t.manager.rulesServer}
            </label>
            <label className="choice-line">
              <input type="radio" name="rules-source" checked={form.rulesSource === 'shop'} onChange={() => edit('rulesSource', 'shop')} />
              {t.manager.rulesShop}
            </label>
            {form.rulesSource === 'shop' && (
              <div className="pair">
                <Field
                  label={t.manager.pPlus}
                  inputMode="decimal"
                  value={form.pPlus}
                  problem={problem('pPlus')}
                  onChange={(event) => edit('pPlus', event.target.value)}
                />
                <Field
                  label={t.manager.pMinus}
                  inputMode="decimal"
                  value={form.pMinus}
                  problem={problem('pMinus')}
                  onChange={(event) => edit('pMinus', event.target.value)}
                />
              </div>
            )}
            <label className="choice-line">
              <input type="checkbox" checked={form.accrueOnPaidPart} onChange={(event) => edit('accrueOnPaidPart', event.target.checked)} />
              {t.manager.accrueOnPaidPart}
            </label>
          </fieldset>
          <fieldset className="group">
            <legend>{t.manager.language}</legend>
            <select
              className="field__input"
              aria-label={t.manager.language}
              value={form.language}
              onChange={(event) => edit('language', event.target.value === 'en' ? 'en' : 'ru')}
            >
              <option value="ru">{t.manager.languages.ru}</option>
              <option value="en">{t.manager.languages.en}</option>
            </select>
          </fieldset>
          <details className="group" open={errors.apiUrl !== undefined ? true : undefined}>
            <summary>{t.manager.advanced}</summary>
            <Field
              label={t.manager.apiUrl}
              inputMode="url"
              value={form.apiUrl}
              problem={problem('apiUrl')}
              onChange={(event) => edit('apiUrl', event.target.value)}
            />
          </details>
        </form>
      )}
    </main>
  );
}
