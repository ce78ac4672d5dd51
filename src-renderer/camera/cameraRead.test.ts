import { describe, expect, it } from 'vitest';
import { messagesEn } from '../../src-shared/messages/messagesEn';
import { errorText } from '../i18n/messageText';
import { CameraReadFilter, classifyCameraRead } from './cameraRead';

const qr = (vendor: number, client: number, secret = 31766) => JSON.stringify({ type: 'Skidkabot', vendor, client, secret });
const IVAN = qr(4, 83532824);
const OTHER_SHOP = qr(7, 83532824);
const URL_QR = 'https://example.org/promo?id=5';

describe('classifyCameraRead', () => {
  it("takes this shop's customer", () => {
    expect(classifyCameraRead(IVAN, 4)).toEqual({ kind: 'customer', vendor: 4, client: 83532824 });
  });

  it("names another shop's QR with the till's message", () => {
    expect(classifyCameraRead(OTHER_SHOP, 4)).toEqual({
      kind: 'other-shop',
      error: expect.objectContaining({
        kind: 'vendor',
        key: 'qr.otherShop',
        params: { vendor: 7, shop: 4 },
        message: expect.stringMatching(/другого магазина \(код 7\).*код магазина 4/) as unknown,
      }) as unknown,
    });
  });

  it('refuses what is not a Skidkabot QR with the scanner messages', () => {
    expect(classifyCameraRead(URL_QR, 4)).toEqual({
      kind: 'not-skidkabot',
      error: expect.objectContaining({ kind: 'scan', key: expect.any(String) as unknown, message: expect.stringMatching(/^Это ссылка/) as unknown }) as unknown,
    });
    expect(classifyCameraRead('{"type":"Wildberries","id":1}', 4).kind).toBe('not-skidkabot');
    expect(classifyCameraRead('4607001234567', 4)).toMatchObject({ error: { message: expect.stringMatching(/штрихкод товара/) as unknown } });
    expect(classifyCameraRead('{"code":5,"text":"\u202eВаш QR устарел"}', 4).kind).toBe('not-skidkabot');
    expect(classifyCameraRead('x'.repeat(10_000), 4)).toMatchObject({ error: { key: 'scan.tooLong', message: expect.stringMatching(/Слишком длинный/) as unknown } });
  });

  it('carries keyed errors an English screen shows in English', () => {
    for (const text of [OTHER_SHOP, URL_QR, '4607001234567', 'x'.repeat(10_000)]) {
      const read = classifyCameraRead(text, 4);
      if (read.kind === 'customer') throw new Error(`${text} taken as a customer`);
      expect(errorText(read.error, messagesEn), text).not.toMatch(/[\u0400-\u04ff]/);
      expect(read.error.key, text).toBeDefined();
    }
    const other = classifyCameraRead(OTHER_SHOP, 4);
    expect(other.kind === 'other-shop' && errorText(other.error, messagesEn)).toMatch(/7.*4/);
  });

  it('leaves the shop check to main while no shop is set up', () => {
    expect(classifyCameraRead(OTHER_SHOP, null)).toEqual({ kind: 'customer', vendor: 7, client: 83532824 });
  });
});

describe('CameraReadFilter', () => {
  it('ends the scan at the first QR of this shop', () => {
    const filter = new CameraReadFilter({ goneMs: 1500 });
    expect(filter.next([], 4, 0)).toEqual({ action: 'none' });
    expect(filter.next([IVAN], 4, 100)).toEqual({ action: 'submit', text: IVAN, done: true });
  });

  it('sends a QR held in view once, and again only after it was gone', () => {
    const filter = new CameraReadFilter({ goneMs: 1500 });
    expect(filter.next([OTHER_SHOP], 4, 0)).toEqual({ action: 'submit', text: OTHER_SHOP, done: false });
    for (let t = 100; t <= 5000; t += 100) expect(filter.next([OTHER_SHOP], 4, t), String(t)).toEqual({ action: 'none' });
    expect(filter.next([], 4, 6000)).toEqual({ action: 'none' });
    expect(filter.next([OTHER_SHOP], 4, 6600)).toEqual({ action: 'submit', text: OTHER_SHOP, done: false });
  });

  it("keeps looking after a wrong QR and takes this shop's when it comes", () => {
    const filter = new CameraReadFilter({ goneMs: 1500 });
    expect(filter.next([URL_QR], 4, 0)).toMatchObject({ done: false });
    expect(filter.next([URL_QR], 4, 100)).toEqual({ action: 'none' });
    expect(filter.next([URL_QR, IVAN], 4, 200)).toEqual({ action: 'submit', text: IVAN, done: true });
  });

  it("prefers this shop's QR over a stray one in the same frame", () => {
    const filter = new CameraReadFilter({ goneMs: 1500 });
    expect(filter.next([OTHER_SHOP, URL_QR, IVAN], 4, 0)).toEqual({ action: 'submit', text: IVAN, done: true });
  });

  it('forgets the oldest codes first when many pass by', () => {
    const filter = new CameraReadFilter({ goneMs: 1500, maxRemembered: 3 });
    for (const [i, text] of ['a1', 'a2', 'a3', 'a4'].entries()) filter.next([text], 4, i);
    expect(filter.next(['a1'], 4, 10)).toMatchObject({ action: 'submit', text: 'a1' });
    expect(filter.next(['a4'], 4, 11)).toEqual({ action: 'none' });
  });
});
