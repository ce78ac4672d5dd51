import { afterEach, describe, expect, it } from 'vitest';
import { FakeHidTransport } from '../src-main/scanner/fakeHidTransport';
import { HID_POS_DESCRIPTOR } from '../src-main/scanner/fixtures/descriptors';
import { posReportsFor } from '../src-main/scanner/fixtures/buildReports';
import { startSimulator, type Simulator } from '../src-main/simulator/simulator';
import { launchApp, MANAGER_PASSWORD, type LaunchedApp, type LaunchOptions } from './harness';
import { personTypes, scannerTypes } from './keystrokes';
import { balanceOnScreen, DEMO, focusedInputMode, nameOnScreen, plainText, qrOf } from './screens';

const HONEYWELL_POS = { vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02, product: 'Xenon 1900g', serialNumber: 'A1' };
const HONEYWELL_KEYBOARD = { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x01, usage: 0x06, product: 'Voyager 1450g', serialNumber: 'B2' };
const HONEYWELL_KEYBOARD_POS = { ...HONEYWELL_KEYBOARD, usagePage: 0x8c, usage: 0x02, interface: 1 };
/** The fake bus is looked at this often, so hot-plug shows within a fraction of a second. */
const POLL_MS = 200;

describe('scanner: keyboard-mode scanners read as keystrokes', () => {
  let simulator: Simulator;
  let app: LaunchedApp;

  afterEach(async () => {
    await app.close();
    await simulator.close();
  });

  async function start(): Promise<void> {
    simulator = await startSimulator();
    app = await launchApp({ apiUrl: simulator.url, setup: 'ready' });
    await app.page.getByText('Отсканируйте QR-код покупателя').waitFor();
  }

  const keystrokeScans = () =>
    app.bridgeLog().filter((entry) => entry.channel === 'skidkabot:scan.submit');

  it('decodes a US-set scanner typing on a computer whose layout is Russian', async () => {
    await start();
    const { page } = app;
    await scannerTypes(page, qrOf(simulator, DEMO.ivan), 'ru');
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    expect(await nameOnScreen(page)).toBe('Иван Петров');
    expect(keystrokeScans()).toHaveLength(1);
    expect(await focusedInputMode(page)).toBe('decimal');
    await app.screenshot('scanner-keystrokes-russian-layout');
  });

  it('keeps a scan out of the focused purchase field, and its Enter does not accrue', async () => {
    await start();
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    const purchase = page.locator('.field__input--purchase');
    await page.keyboard.type('500');
    // Another shop's QR: refused before any request, so Иван and the typed total stay on screen.
    await scannerTypes(page, qrOf(simulator, DEMO.otherShop), 'ru');
    await expect.poll(() => keystrokeScans().length).toBe(1);
    expect(keystrokeScans()[0]?.reply).toMatchObject({ ok: true, value: { stage: 'customer', error: { kind: 'vendor' } } });
    await page.locator('[data-error-kind="vendor"]').waitFor();
    expect(await purchase.inputValue()).toBe('500');
    expect(await focusedInputMode(page)).toBe('decimal');
    expect(app.bridgeLog().some((entry) => entry.channel === 'skidkabot:checkout.accrue')).toBe(false);
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2365);
    await app.screenshot('scanner-keystrokes-purchase-untouched');
  });

  it('lets a person typing slowly reach the field, `{` included', async () => {
    await start();
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    const purchase = page.locator('.field__input--purchase');
    await personTypes(page, '{12', 'us');
    await expect.poll(() => purchase.inputValue()).toBe('{12');
    await personTypes(page, '{', 'ru');
    await expect.poll(() => purchase.inputValue()).toBe('{12Х');
    expect(keystrokeScans()).toEqual([]);
  });
});

describe('scanner: read in main from the USB bus', () => {
  let simulator: Simulator;
  let app: LaunchedApp;
  let bus: FakeHidTransport;

  afterEach(async () => {
    await app.close();
    await simulator.close();
  });

  async function start(extra: Partial<LaunchOptions> = {}): Promise<void> {
    simulator = await startSimulator();
    bus = new FakeHidTransport();
    app = await launchApp({
      apiUrl: simulator.url,
      setup: 'ready',
      scanner: { transport: bus, platform: 'linux', pollMs: POLL_MS, udevInstalled: async () => false, udevRuleFile: '/opt/Скидкабот Касса/resources/udev/70-skidkabot-scanners.rules' },
      ...extra,
    });
  }

  const scannerStatus = async () => plainText(await app.page.locator('[data-status="scanner"]').textContent());

  it('shows the customer of a HID POS scan replayed from reports', async () => {
    await start();
    const { page } = app;
    const scanner = bus.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    await expect.poll(scannerStatus).toBe('Сканер: готов');
    scanner.send(...posReportsFor(qrOf(simulator, DEMO.maria), 'honeywell'));
    await expect.poll(() => nameOnScreen(page)).toBe('Мария Смирнова');
    expect(await focusedInputMode(page)).toBe('decimal');
    await app.screenshot('scanner-hid-pos-customer');
  });

  it('shows an unplugged scanner on the status line, drops its half-read scan, and reads again after a replug', async () => {
    await start();
    const { page } = app;
    const scanner = bus.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    await expect.poll(scannerStatus).toBe('Сканер: готов');
    const [first] = posReportsFor(qrOf(simulator, DEMO.ivan), 'honeywell');
    if (!first) throw new Error('no report');
    scanner.send(first);
    bus.unplug(scanner);
    await expect.poll(scannerStatus).toBe('Сканер: ищем сканер');
    await page.getByTestId('scan-dropped').waitFor();
    expect(plainText(await page.getByTestId('scan-dropped').textContent())).toContain('Отсканируйте код ещё раз');
    await expect.poll(() => page.locator('.idle__scanner-message').textContent()).toMatch(/Подключите/);
    await app.screenshot('scanner-unplugged');

    const again = bus.replug(scanner);
    await expect.poll(scannerStatus).toBe('Сканер: готов');
    again.send(...posReportsFor(qrOf(simulator, DEMO.ivan), 'honeywell'));
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    expect(await page.getByTestId('scan-dropped').count()).toBe(0);
  });

  it("lists devices in the manager's «Сканер» section, pins one, offers the HID POS switch and shows the live test", async () => {
    await start({ viewport: { width: 1280, height: 1000 } });
    const { page } = app;
    const posScanner = bus.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    bus.plug(HONEYWELL_KEYBOARD);
    const hiddenPos = bus.plug(HONEYWELL_KEYBOARD_POS);
    await expect.poll(scannerStatus).toBe('Сканер: готов');
    await page.keyboard.press('F10');
    await page.getByLabel('Пароль менеджера').fill(MANAGER_PASSWORD);
    await page.keyboard.press('Enter');
    const section = page.getByTestId('scanner-section');
    await section.waitFor();
    const devices = section.getByTestId('scanner-device');
    await expect.poll(() => devices.count()).toBe(3);
    const badges = (await devices.locator('.scanner__badges').allInnerTexts()).map(plainText);
    expect(badges).toEqual(['HID POS читается сейчас', 'Клавиатура', 'HID POS']);
    expect(await devices.nth(0).locator('.scanner__description').textContent()).toMatch(/^Honeywell Xenon 1900g \(0c2e:0b87\) — режим HID POS/);
    expect(await devices.nth(1).getByRole('button', { name: 'Переключить на HID POS' }).count()).toBe(1);
    expect(await section.getByTestId('scanner-udev').textContent()).toContain("sudo install -m 644 '/opt/Скидкабот Касса/resources/udev/70-skidkabot-scanners.rules'");

    const shopCode = page.getByLabel('Код магазина', { exact: true });
    const before = await shopCode.inputValue();
    await shopCode.focus();
    await scannerTypes(page, qrOf(simulator, DEMO.ivan), 'ru');
    await expect.poll(() => section.getByTestId('scanner-test-way').textContent()).toBe('нажатия клавиш в окне программы');
    expect(plainText(await section.getByTestId('scanner-test-result').textContent())).toBe('✓ QR-код Скидкабот: магазин 4, покупатель 83532824');
    expect(await shopCode.inputValue()).toBe(before);
    expect(app.bridgeLog().some((entry) => entry.channel === 'skidkabot:settings.save')).toBe(false);

    posScanner.send(...posReportsFor(qrOf(simulator, DEMO.maria), 'honeywell'));
    await expect.poll(() => section.getByTestId('scanner-test-way').textContent()).toBe('HID POS, напрямую по USB');
    expect(plainText(await section.getByTestId('scanner-test-result').textContent())).toContain('покупатель 51234567');
    expect(plainText(await section.getByTestId('scanner-test-time').textContent())).toMatch(/^чтение \d+ мс · конец по закрывающей скобке · 64 знака · в \d\d:\d\d:\d\d$/);
    await app.screenshot('scanner-manager-section');

    await devices.nth(1).getByRole('button', { name: 'Выбрать этот' }).click();
    await section.getByText('✓ Сканер выбран').waitFor();
    await expect.poll(async () => plainText(await devices.nth(1).textContent())).toContain('выбран');

    await devices.nth(1).getByRole('button', { name: 'Переключить на HID POS' }).click();
    await section.getByText('Сканер переключён на HID POS', { exact: false }).waitFor();
    expect(hiddenPos.featureReports).toEqual([Uint8Array.of(0xfe, 0x01)]);
    await expect.poll(() => section.getByRole('button', { name: 'Переключить на HID POS' }).count()).toBe(0);
    expect(plainText(await devices.nth(2).locator('.scanner__badges').innerText())).toBe('HID POS читается сейчас выбран');
    await app.screenshot('scanner-manager-switched');
  });
});
