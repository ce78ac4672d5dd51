import { useState, type SubmitEvent } from 'react';
import type { AppError } from '../../src-shared/errors';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { useManagerT } from '../i18n/useT';
import { checkNewPassword, type PasswordProblem } from '../manager/newPassword';
import { useActions } from '../store/StoreContext';

export function FirstRunPassword() {
  const t = useManagerT();
  const { setupPassword } = useActions();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<PasswordProblem | null>(null);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = checkNewPassword(password, repeat);
    setProblem(found);
    if (found) {
      if (found === 'passwordMismatch') setRepeat('');
      return;
    }
    setSending(true);
    setRefusal(await setupPassword(password));
    setSending(false);
  };

  return (
    <main className="setup">
      <form className="setup__card" onSubmit={(event) => void submit(event)} noValidate>
        <h1>{t.firstRun.passwordTitle}</h1>
        <p className="setup__hint">{t.firstRun.passwordHint}</p>
        <Field
          label={t.firstRun.password}
          type="password"
          autoFocus
          value={password}
          problem={problem === 'passwordTooShort' || problem === 'passwordTooLong' ? t.firstRun[problem] : null}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Field
          label={t.firstRun.passwordRepeat}
          type="password"
          value={repeat}
          problem={problem === 'passwordMismatch' ? t.firstRun.passwordMismatch : null}
          onChange={(event) => setRepeat(event.target.value)}
        />
        {refusal && <ErrorPanel error={refusal} look="compact" />}
        <button type="submit" className="primary" disabled={sending}>
          {t.firstRun.next}
        </button>
      </form>
    </main>
  );
}
