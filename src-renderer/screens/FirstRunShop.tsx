import { useState, type SubmitEvent } from 'react';
import type { AppError } from '../../src-shared/errors';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { useManagerT } from '../i18n/useT';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { formFromSettings, parseSecret, settingsFromForm } from '../manager/settingsForm';
import { useActions } from '../store/StoreContext';

interface Problems {
  shopCode?: boolean;
  secret?: boolean;
  kassa?: boolean;
}

export function FirstRunShop() {
  const t = useManagerT();
  const { connectOwnShop, chooseFirstRun } = useActions();
  const [shopCode, setShopCode] = useState('');
  const [secret, setSecret] = useState('');
  const [kassa, setKassa] = useState('1');
  const [problems, setProblems] = useState<Problems>({});
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [sending, setSending] = useState(false);

  const run = async (work: () => Promise<AppError | null>) => {
    if (sending) return;
    setSending(true);
    setRefusal(await work());
    setSending(false);
  };

  const connect = (event: SubmitEvent) => {
    event.preventDefault();
    const checked = settingsFromForm({ ...formFromSettings(DEFAULT_SETTINGS), shopCode, kassa });
    const secretValue = parseSecret(secret);
    const found: Problems = {
      shopCode: !checked.ok && checked.errors.shopCode !== undefined,
      kassa: !checked.ok && checked.errors.kassa !== undefined,
      secret: secretValue === null,
    };
    setProblems(found);
    if (!checked.ok || secretValue === null || checked.settings.shopCode === null) return;
    const { shopCode: code, kassa: number } = checked.settings;
    void run(() => connectOwnShop({ shopCode: code, secret: secretValue, kassa: number }));
  };

  return (
    <main className="setup">
      <h1 className="setup__title">{t.firstRun.shopTitle}</h1>
      {refusal && <ErrorPanel error={refusal} />}
      <div className="choices">
        <form className="choice choice--primary" onSubmit={connect} noValidate aria-label={t.firstRun.ownShop}>
          <h2>{t.firstRun.ownShop}</h2>
          <p className="setup__hint">{t.firstRun.ownShopHint}</p>
          <Field
            label={t.manager.shopCode}
            inputMode="numeric"
            autoFocus
            value={shopCode}
            problem={problems.shopCode ? t.manager.invalid.shopCode : null}
            onChange={(event) => setShopCode(event.target.value)}
          />
          <Field
            label={t.manager.shopSecret}
            type="password"
            inputMode="numeric"
            value={secret}
            problem={problems.secret ? t.manager.invalid.secret : null}
            onChange={(event) => setSecret(event.target.value)}
          />
          <Field
            label={t.manager.kassa}
            inputMode="numeric"
            value={kassa}
            problem={problems.kassa ? t.manager.invalid.kassa : null}
            onChange={(event) => setKassa(event.target.value)}
          />
          <button type="submit" className="primary" disabled={sending}>
            {t.firstRun.connect}
          </button>
        </form>
        {/* Trying the till comes second: a shop that means to work starts on the left. */}
        <section className="choices__others" aria-label={t.firstRun.tryTitle}>
          <h2 className="choices__others-title">{t.firstRun.tryTitle}</h2>
          <div className="choice choice--minor">
            <h3>{t.firstRun.testShop}</h3>
            <p className="setup__hint">{t.firstRun.testShopHint}</p>
            <button type="button" className="secondary" disabled={sending} onClick={() => void run(() => chooseFirstRun('test-shop'))}>
              {t.firstRun.testShop}
            </button>
          </div>
          <div className="choice choice--minor">
            <h3>{t.firstRun.demo}</h3>
            <p className="setup__hint">{t.firstRun.demoHint}</p>
            <button type="button" className="secondary" disabled={sending} onClick={() => void run(() => chooseFirstRun('demo'))}>
              {t.firstRun.demo}
            </button>
          </div>
        </section>
      </div>
    </main>
  );
}
