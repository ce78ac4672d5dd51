import { Field } from '../components/Field';
import { useManagerT } from '../i18n/useT';

/** The manager's reason: required, kept in the journal for good. */
export function ReasonField({ value, missing, onChange }: { value: string; missing: boolean; onChange: (value: string) => void }) {
  const t = useManagerT();
  const words = t.journal.dialog;
  return (
    <Field
      label={words.reason}
      note={words.reasonHint}
      autoFocus
      maxLength={500}
      value={value}
      problem={missing ? words.reasonMissing : null}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** The same rule main applies (reasonSchema), checked before anything is sent. */
export function reasonOk(reason: string): boolean {
  return reason.trim().length >= 3;
}
