import { describe, expect, it } from 'vitest';
import { appError, type ErrorKind } from '../../src-shared/errors';
import { DUPLICATE_CODE } from '../../src-shared/journal/errorCodes';
import { failed, succeeded } from '../cli/command';
import { renderReport } from '../cli/render';
import { reportOf } from '../cli/viaTill';
import { httpStatusOf } from './httpStatus';

describe('httpStatusOf', () => {
  it('maps each kind of refusal to its status', () => {
    const cases: [ErrorKind, number][] = [
      ['input', 422],
      ['scan', 422],
      ['vendor', 422],
      ['server', 422],
      ['network', 502],
      ['config', 503],
      ['auth', 503],
      ['journal', 503],
      ['internal', 500],
    ];
    for (const [kind, status] of cases) expect(httpStatusOf(failed(appError(kind, 'x'))), kind).toBe(status);
    expect(httpStatusOf(succeeded({}, []))).toBe(200);
    expect(httpStatusOf(failed(appError('input', 'повтор', DUPLICATE_CODE)))).toBe(409);
  });

  it('tells a customer blocked before sending (423) from an operation whose outcome is unknown (504)', () => {
    const unknown = appError('outcome-unknown', 'неизвестно');
    expect(httpStatusOf(failed(unknown, { client: 1 }))).toBe(423);
    expect(httpStatusOf(failed(unknown, { client: 1, status: 'unknown' }))).toBe(504);
    expect(httpStatusOf(failed(unknown, { client: 1, operations: [] }))).toBe(504);
  });
});

describe('reportOf (the CLI reading the till’s answer)', () => {
  it('gives back the report the command would have printed: the same JSON and the same lines', () => {
    const report = failed(appError('server', 'Недостаточно бонусов', 5), { client: 7, status: 'refused' }, ['Покупатель: Иван']);
    const wire = JSON.parse(JSON.stringify({ report: { ok: false, client: 7, status: 'refused', error: { kind: 'server', code: 5, message: 'Недостаточно бонусов' } }, lines: ['Покупатель: Иван'] })) as unknown;
    const back = reportOf(wire);
    expect(back).toEqual(report);
    for (const json of [true, false]) expect(renderReport(back, json)).toEqual(renderReport(report, json));
  });

  it('reads a gate refusal (no lines) and refuses what is not a report', () => {
    expect(reportOf({ ok: false, error: { kind: 'auth', message: 'Нужен токен' } })).toEqual(failed(appError('auth', 'Нужен токен')));
    expect(reportOf({ ok: false, error: { kind: 'weird', message: 'x' } }).error?.kind).toBe('internal');
    expect(() => reportOf('<html>')).toThrow();
    expect(() => reportOf({ report: { ok: 'yes' } })).toThrow();
  });
});
