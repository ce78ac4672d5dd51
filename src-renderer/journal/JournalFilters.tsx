import { useId } from 'react';
import type { OperationKind } from '../../src-shared/skidkabot/types';
import { localDay } from '../../src-shared/journal/localTime';
import { useManagerT } from '../i18n/useT';
import { shiftDay } from './journalForm';
import { useJournal, useJournalActions } from './JournalContext';

const KINDS: readonly (OperationKind | 'all')[] = ['all', 'accrue', 'redeem'];

/** Day, register, customer, kind: each change reloads the list, the report and the chart. */
export function JournalFilters() {
  const t = useManagerT();
  const form = useJournal((state) => state.form);
  const errors = useJournal((state) => state.formErrors);
  const { setForm } = useJournalActions();
  const id = useId();
  const words = t.journal.filters;
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
            onChange={(event) => setForm({ day: event.target.value.trim() })}
          />
          <button type="button" className="secondary journal__step" aria-label={words.dayNext} onClick={() => setForm({ day: shiftDay(form.day, 1) })}>
            ▶
          </button>
          <button type="button" className="secondary journal__step" onClick={() => setForm({ day: localDay(Date.now()) })}>
            {words.today}
          </button>
        </div>
        {errors.day && <span className="field__problem">{words.badDay}</span>}
      </div>
      <label className="journal__filter journal__filter--narrow" htmlFor={`${id}-kassa`}>
        <span className="field__label">{words.kassa}</span>
        <input
          id={`${id}-kassa`}
          className="field__input"
          inputMode="numeric"
          autoComplete="off"
          placeholder={words.kassaPlaceholder}
          value={form.kassa}
          aria-invalid={errors.kassa === true}
          onChange={(event) => setForm({ kassa: event.target.value })}
        />
        {errors.kassa && <span className="field__problem">{words.badKassa}</span>}
      </label>
      <label className="journal__filter journal__filter--customer" htmlFor={`${id}-customer`}>
        <span className="field__label">{words.customer}</span>
        <input
          id={`${id}-customer`}
          className="field__input"
          inputMode="numeric"
          autoComplete="off"
          placeholder={words.customerPlaceholder}
          value={form.customer}
          aria-invalid={errors.customer === true}
          onChange={(event) => setForm({ customer: event.target.value })}
        />
        {errors.customer && <span className="field__problem">{words.badCustomer}</span>}
      </label>
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
    </fieldset>
  );
}
