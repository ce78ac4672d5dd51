import { useId, type InputHTMLAttributes } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  label: string;
  /** Shown under the field in words; the field is marked invalid for screen readers too. */
  problem?: string | null;
  note?: string;
  noteTone?: 'good' | 'bad';
}

export function Field({ label, problem, note, noteTone, ...input }: FieldProps) {
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <div className={problem ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {note !== undefined && <span className={noteTone ? `field__note field__note--${noteTone}` : 'field__note'}>{note}</span>}
      </label>
      <input
        {...input}
        id={id}
        className="field__input"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? problemId : undefined}
      />
      {problem && (
        <p className="field__problem" id={problemId}>
          {problem}
        </p>
      )}
    </div>
  );
}
