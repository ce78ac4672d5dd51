import { useState, type SubmitEvent } from 'react';
import type { AppError } from '../../src-shared/errors';
import type { AppState } from '../../src-shared/ipc/views';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { useManagerT } from '../i18n/useT';
import { formatRemaining, useNow } from '../manager/useNow';
import { useActions } from '../store/StoreContext';

export function ManagerLogin({ app }: { app: AppState }) {
  const t = useManagerT();
  const { login, closeManager } = useActions();
  const [password, setPassword] = useState('');
  const [empty, setEmpty] = useState(false);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [sending, setSending] = useState(false);
  const { lockedUntil } = app.manager;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (sending) return;
    if (password === '') {
      setEmpty(true);
      return;
    }
    setSending(true);
    const error = await login(password);
    setSending(false);
    setPassword('');
    setRefusal(error);
  };

  return (
    <main className="setup">
      <form className="setup__card" onSubmit={(event) => void submit(event)} noValidate>
        <h1>{t.manager.loginTitle}</h1>
        {lockedUntil !== null && <Lockout key={lockedUntil} until={lockedUntil} />}
        <Field
          label={t.manager.password}
          type="password"
          autoFocus
          value={password}
          problem={empty ? t.manager.passwordEmpty : null}
          onChange={(event) => {
            setPassword(event.target.value);
            setEmpty(false);
          }}
        />
        {/* While locked the countdown says it all; the refusal would repeat it with a stale time. */}
        {refusal && lockedUntil === null && <ErrorPanel error={refusal} look="compact" />}
        <div className="buttons">
          <button type="submit" className="primary" disabled={sending}>
            {t.manager.login}
          </button>
          <button type="button" className="secondary" onClick={closeManager}>
            {t.manager.back}
          </button>
        </div>
      </form>
    </main>
  );
}

function Lockout({ until }: { until: number }) {
  const t = useManagerT();
  const remaining = until - useNow();
  if (remaining <= 0) return null;
  return (
    <p className="lockout" role="alert" data-testid="lockout">
      {t.manager.locked(formatRemaining(remaining))}
    </p>
  );
}
