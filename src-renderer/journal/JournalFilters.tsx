import { useId } from 'react';
import type { OperationKind } from '../../src-shared/skidkabot/types';
import { localDay } from '../../src-shared/journal/localTime';
import { useManagerT } from '../i18n/useT';
import { shiftDay } from './journalForm';
import { useJournal, useJournalActions } from './JournalContext';

const KINDS: readonly (OperationKind | 'all')[] = ['all', 'accrue', 'redeem'];
/** Each filter the store can refuse, with the words that say why. */
const PROBLEMS = [
  ['day', 'badDay'],
  ['kassa', 'badKassa'],
  ['customer', 'badCustomer'],
] as const;

/** Day, register, customer, kind: each change reloads the list, the report and the chart. */
export function JournalFilters() {
  const t = useManagerT();
  const form = useJournal((state) => state.form);
  const errors = useJournal((state) => state.formErrors);
  const { setForm } = useJournalActions();
  const id = useId();
  const words = t.journal.filters;
  const problems = PROBLEMS.filter(([field]) => errors[field] === true);
  return (
    <fieldset className="journal__filters group">
      <legend>{words.title}</legend>
      <div className="journal__filter">
        <label className="field__label" htmlFor={`${id}-day`}>
          {words.day}
        </label>
        {/* Not type=date: its picker writes the date in the browser's own order (11/29/2026), not the shop's. */}
        <div className="journal__day">
          <button type="button" className="secondary journal__step" aria-label={words.dayPrevious} onClick={() => setForm({ day: shiftDay(form.day, -1) })}>
            ◀
          </button>
          <input
            id={`${id}-day`}
            className="field__input journal__day-input"
            inputMode="numeric"
            autoComplete="off"
            placeholder={words.dayPlaceholder}
            value={form.day}
            aria-invalid={errors.day === true}
            aria-describedby={errors.day === true ? `${id}-day-problem` : undefined}
            onChange={(event) => setForm({ day: event.target.value.trim() })}
          />
          <button type="button" className="secondary journal__step" aria-label={words.dayNext} onClick={() => setForm({ day: shiftDay(form.day, 1) })}>
            ▶
          </button>
          <button type="button" className="secondary journal__step" onClick={() => setForm({ day: localDay(Date.now()) })}>
            {words.today}
          </button>
        </div>
      </div>
      <NumberFilter field="kassa" id={`${id}-kassa`} />
      <NumberFilter field="customer" id={`${id}-customer`} />
      <label className="journal__filter" htmlFor={`${id}-kind`}>
        <span className="field__label">{words.kind}</span>
        <select
          id={`${id}-kind`}
          className="field__input"
          value={form.kind}
          onChange={(event) => setForm({ kind: KINDS.find((kind) => kind === event.target.value) ?? 'all' })}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {words.kinds[kind]}
            </option>
          ))}
        </select>
      </label>
      {/* Under the whole row, not under a field: under the narrow register field a sentence stood one word a line. */}
      {problems.length > 0 && (
        <div className="journal__problems">
          {problems.map(([field, problem]) => (
            <p key={field} className="field__problem" id={`${id}-${field}-problem`}>
              {words[problem]}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** The words and width of each number filter, by the form field it edits. */
const NUMBER_FILTERS = {
  kassa: { width: 'narrow', label: 'kassa', placeholder: 'kassaPlaceholder' },
  customer: { width: 'customer', label: 'customer', placeholder: 'customerPlaceholder' },
} as const;

/** A register or customer number, kept as typed: the store checks it and names the problem. */
function NumberFilter({ field, id }: { field: keyof typeof NUMBER_FILTERS; id: string }) {
  const words = useManagerT().journal.filters;
  const value = useJournal((state) => state.form[field]);
  const invalid = useJournal((state) => state.formErrors[field] === true);
  const { setForm } = useJournalActions();
  const spec = NUMBER_FILTERS[field];
  return (
    <label className={`journal__filter journal__filter--${spec.width}`} htmlFor={id}>
      <span className="field__label">{words[spec.label]}</span>
      <input
        id={id}
        className="field__input"
        inputMode="numeric"
        autoComplete="off"
        placeholder={words[spec.placeholder]}
        value={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-problem` : undefined}
        onChange={(event) => setForm({ [field]: event.target.value })}
      />
    </label>
  );
}
