import type { AppError } from '../../src-shared/errors';
import { useT } from '../i18n/useT';

/**
 * One look per kind of failure, so a cashier tells a bad scan from a lost connection at a glance:
 * the words come from main, the title and the next step from the dictionary. 'embedded' sits inside
 * an operation's line, which already says what failed.
 */
export function ErrorPanel({ error, look = 'full' }: { error: AppError; look?: 'full' | 'compact' | 'embedded' }) {
  const t = useT();
  const next = t.errors.next[error.kind];
  return (
    <div className={`error error--${error.kind} error--${look}`} role="alert" data-error-kind={error.kind}>
      {look !== 'embedded' && (
        <div className="error__badge" aria-hidden="true">
          {BADGES[error.kind]}
        </div>
      )}
      <div className="error__body">
        {look !== 'embedded' && (
          <p className="error__title">
            {t.errors.title[error.kind]}
            {error.kind === 'server' && error.code !== undefined && <span className="error__code"> · {t.errors.code(error.code)}</span>}
          </p>
        )}
        <p className="error__message">{error.message}</p>
        {next !== '' && <p className="error__next">{next}</p>}
      </div>
    </div>
  );
}

const BADGES: Record<AppError['kind'], string> = {
  scan: '?',
  vendor: '≠',
  server: '!',
  network: '⇌',
  'outcome-unknown': '‼',
  config: '⚙',
  input: '✎',
  auth: '!',
  journal: '!',
  internal: '!',
};
