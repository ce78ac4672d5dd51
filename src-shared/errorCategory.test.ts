import { describe, expect, it } from 'vitest';
import { codedError, appError, type AppError } from './errors';
import { errorCategory } from './errorCategory';
import { QR_EXPIRED_CODE, DUPLICATE_CODE } from './journal/errorCodes';

const server = (code?: number): AppError => (code === undefined ? appError('server', 'x') : appError('server', 'x', code));

describe('errorCategory', () => {
  it.each([6, 7, 8, 9])('server code %i is the customer’s: another QR code', (code) => {
    expect(errorCategory(server(code))).toBe('customer');
  });

  it.each([1, 2, 3, 4, 5, 11, 12, 15])('server code %i is the manager’s: settings or account', (code) => {
    expect(errorCategory(server(code))).toBe('manager');
  });

  it('code 13 (too few bonuses) is the cashier’s', () => {
    expect(errorCategory(server(13))).toBe('cashier');
  });

  it.each([10, 14, 16, 500, -1])('an unknown code %i is the server’s', (code) => {
    expect(errorCategory(server(code))).toBe('server');
  });

  it('HTML pages and malformed answers are the server’s', () => {
    expect(errorCategory(codedError('server', 'http.5xx', { status: 500 }))).toBe('server');
    expect(errorCategory(codedError('server', 'answer.html'))).toBe('server');
    expect(errorCategory(server())).toBe('server');
  });

  it('a QR of another shop, a bot error and a damaged QR are the customer’s', () => {
    expect(errorCategory(codedError('vendor', 'qr.otherShop', { vendor: 9, shop: 4 }))).toBe('customer');
    expect(errorCategory(codedError('scan', 'scan.qrError', { code: 9 }, 9))).toBe('customer');
    expect(errorCategory(codedError('scan', 'scan.badField', { field: 'client', problem: 'missing' }))).toBe('customer');
    expect(errorCategory(appError('input', 'x', QR_EXPIRED_CODE))).toBe('customer');
  });

  it('a bad scan or a bad figure is the cashier’s', () => {
    expect(errorCategory(codedError('scan', 'scan.productBarcode'))).toBe('cashier');
    expect(errorCategory(codedError('input', 'purchase.zero'))).toBe('cashier');
    expect(errorCategory(appError('input', 'x', DUPLICATE_CODE))).toBe('cashier');
  });

  it('settings, the keychain, sign-in and the journal are the manager’s', () => {
    expect(errorCategory(codedError('config', 'config.noShopCode'))).toBe('manager');
    expect(errorCategory(codedError('config', 'keychain.timeout', { seconds: 5 }))).toBe('manager');
    expect(errorCategory(appError('auth', 'x'))).toBe('manager');
    expect(errorCategory(appError('journal', 'x'))).toBe('manager');
  });

  it('a lost connection is the network’s, a failed certificate the server’s', () => {
    for (const failure of ['refused', 'timeout', 'dns', 'reset', 'unreachable', 'other'] as const) {
      expect(errorCategory(codedError('network', `network.${failure}`))).toBe('network');
    }
    expect(errorCategory(codedError('network', 'network.tls'))).toBe('server');
  });

  it('an unknown outcome stays its own category', () => {
    expect(errorCategory(codedError('outcome-unknown', 'outcome.unknownUnchecked', { op: 'accrue', bonuses: 5 }))).toBe('outcome-unknown');
  });
});
