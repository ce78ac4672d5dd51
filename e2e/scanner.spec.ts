import { FakeHidTransport } from '../test-support/scanner/fakeHidTransport';
import { HID_POS_DESCRIPTOR } from '../test-support/scanner/fixtures/descriptors';
import { posReportsFor } from '../test-support/scanner/fixtures/buildReports';
import { expect, test } from './fixtures';
import type { LaunchedApp, LaunchOptions } from './harness';
import { personTypes, scannerTypes } from './keystrokes';
import { balanceIn, DEMO, focused, openManagerTab, qrOf } from './screens';

const HONEYWELL_POS = { vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02, product: 'Xenon 1900g', serialNumber: 'A1' };
const HONEYWELL_KEYBOARD = { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x01, usage: 0x06, product: 'Voyager 1450g', serialNumber: 'B2' };
const HONEYWELL_KEYBOARD_POS = { ...HONEYWELL_KEYBOARD, usagePage: 0x8c, usage: 0x02, interface: 1 };
/** The fake bus is looked at this often, so hot-plug shows within a fraction of a second. */
const POLL_MS = 200;


test.describe('scanner: keyboard-mode scanners read as keystrokes', () => {
  test.beforeEach(async ({ app }) => {
    await expect(app.page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
  });

  test('decodes a US-set scanner typing on a computer whose layout is Russian', async ({ app, simulator }) => {
    const { page } = app;
    await scannerTypes(page, qrOf(simulator, DEMO.ivan), 'ru');
    await expect(balanceIn(page)).toHaveText('2 365');
    await expect(page.getByTestId('customer-name')).toHaveText('Иван Петров');
    await app.settled();
    expect(app.calls('scan.submit')).toHaveLength(1);
    await expect(focused(page)).toHaveAttribute('inputmode', 'decimal');
    await app.screenshot('scanner-keystrokes-russian-layout');
  });

  test('keeps a scan out of the focused purchase field, and its Enter does not accrue', async ({ app, simulator }) => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 365');
    const purchase = page.locator('.field__input--purchase');
    await page.keyboard.type('500');
    // Another shop's QR: refused before any request, so Иван and the typed total stay on screen.
    await scannerTypes(page, qrOf(simulator, DEMO.otherShop), 'ru');
    await expect.poll(() => app.calls('scan.submit').length).toBe(1);
    expect(app.calls('scan.submit')[0]?.reply).toMatchObject({ ok: true, value: { stage: 'customer', error: { kind: 'vendor' } } });
    await expect(page.locator('[data-error-kind="vendor"]')).toBeVisible();
    await app.settled();
    expect(app.calls('scan.submit')).toHaveLength(1);
    await expect(purchase).toHaveValue('500');
    await expect(focused(page)).toHaveAttribute('inputmode', 'decimal');
    expect(app.calls('checkout.accrue')).toHaveLength(0);
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2365);
    await app.screenshot('scanner-keystrokes-purchase-untouched');
  });

  test('lets a person typing slowly reach the field, `{` included', async ({ app, simulator }) => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 365');
    const purchase = page.locator('.field__input--purchase');
    await page.clock.install();
    await personTypes(page, '{12', 'us');
    await expect(purchase).toHaveValue('{12');
    await personTypes(page, '{', 'ru');
    await expect(purchase).toHaveValue('{12Х');
    await app.settled();
    expect(app.calls('scan.submit')).toEqual([]);
  });
});

test.describe('scanner: read in main from the USB bus', () => {
  async function start(launch: (options?: LaunchOptions) => Promise<LaunchedApp>, extra: Partial<LaunchOptions> = {}) {
    const bus = new FakeHidTransport();
    const app = await launch({
      setup: 'ready',
      scanner: { transport: bus, platform: 'linux', pollMs: POLL_MS, udevInstalled: () => Promise.resolve(false), udevRuleFile: '/opt/Скидкабот Касса/resources/udev/70-skidkabot-scanners.rules' },
      ...extra,
    });
    return { app, bus, scannerStatus: app.page.locator('[data-status="scanner"]') };
  }

  test('shows the customer of a HID POS scan replayed from reports', async ({ launch, simulator }) => {
    const { app, bus, scannerStatus } = await start(launch);
    const { page } = app;
    const scanner = bus.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    await expect(scannerStatus).toHaveText('Сканер: готов');
    scanner.send(...posReportsFor(qrOf(simulator, DEMO.maria), 'honeywell'));
    await expect(page.getByTestId('customer-name')).toHaveText('Мария Смирнова');
    await expect(focused(page)).toHaveAttribute('inputmode', 'decimal');
    await app.screenshot('scanner-hid-pos-customer');
  });

  test('shows an unplugged scanner on the status line, drops its half-read scan, and reads again after a replug', async ({ launch, simulator }) => {
    const { app, bus, scannerStatus } = await start(launch);
    const { page } = app;
    const scanner = bus.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    await expect(scannerStatus).toHaveText('Сканер: готов');
    const [first] = posReportsFor(qrOf(simulator, DEMO.ivan), 'honeywell');
    if (!first) throw new Error('no report');
    scanner.send(first);
    bus.unplug(scanner);
    await expect(scannerStatus).toHaveText('Сканер: ищем сканер');
    await expect(page.getByTestId('scan-dropped')).toContainText('Отсканируйте код ещё раз');
    await expect(page.locator('.idle__scanner-message')).toHaveText(/Подключите/);
    await app.screenshot('scanner-unplugged');

    const again = bus.replug(scanner);
    await expect(scannerStatus).toHaveText('Сканер: готов');
    again.send(...posReportsFor(qrOf(simulator, DEMO.ivan), 'honeywell'));
    await expect(balanceIn(page)).toHaveText('2 365');
    await app.settled();
    await expect(page.getByTestId('scan-dropped')).toHaveCount(0);
  });

  test("lists devices in the manager's «Сканер» section, pins one, offers the HID POS switch and shows the live test", async ({ launch, simulator }) => {
    const { app, bus, scannerStatus } = await start(launch, { viewport: { width: 1280, height: 1000 } });
    const { page } = app;
    const posScanner = bus.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    bus.plug(HONEYWELL_KEYBOARD);
    const hiddenPos = bus.plug(HONEYWELL_KEYBOARD_POS);
    await expect(scannerStatus).toHaveText('Сканер: готов');
    await openManagerTab(page, 'Устройства');
    const section = page.getByTestId('scanner-section');
    await expect(section).toBeVisible();
    const devices = section.getByTestId('scanner-device');
    await expect(devices).toHaveCount(3);
    await expect(devices.locator('.scanner__badges')).toHaveText(['HID POS читается сейчас', 'Клавиатура', 'HID POS'], { useInnerText: true });
    await expect(devices.nth(0).locator('.scanner__description')).toHaveText(/^Honeywell Xenon 1900g \(0c2e:0b87\) — режим HID POS/);
    await expect(devices.nth(1).getByRole('button', { name: 'Переключить на HID POS' })).toHaveCount(1);
    await expect(section.getByTestId('scanner-udev')).toContainText("sudo install -m 644 '/opt/Скидкабот Касса/resources/udev/70-skidkabot-scanners.rules'");

    // A scan typed while a settings field has the focus lands in the scan test, not in the field.
    await page.getByRole('tab', { name: 'Настройки' }).click();
    const shopCode = page.getByLabel('Код магазина', { exact: true });
    const before = await shopCode.inputValue();
    await shopCode.focus();
    await scannerTypes(page, qrOf(simulator, DEMO.ivan), 'ru');
    await page.getByRole('tab', { name: 'Устройства' }).click();
    await expect(section.getByTestId('scanner-test-way')).toHaveText('нажатия клавиш в окне программы');
    await expect(section.getByTestId('scanner-test-result')).toHaveText('✓ QR-код Скидкабот: магазин 4, покупатель 83532824');
    await app.settled();
    await page.getByRole('tab', { name: 'Настройки' }).click();
    await expect(shopCode).toHaveValue(before);
    await page.getByRole('tab', { name: 'Устройства' }).click();
    expect(app.calls('settings.save')).toHaveLength(0);

    posScanner.send(...posReportsFor(qrOf(simulator, DEMO.maria), 'honeywell'));
    await expect(section.getByTestId('scanner-test-way')).toHaveText('HID POS, напрямую по USB');
    await expect(section.getByTestId('scanner-test-result')).toContainText('покупатель 51234567');
    // The wait for the end is wall-clock time: 0 on a quiet machine, a millisecond or two on a busy one.
    await expect(section.getByTestId('scanner-test-time')).toHaveText(/^чтение \d+ мс(, ожидание конца [0-9] мс)? · конец по закрывающей скобке · 64 знака · в \d\d:\d\d:\d\d$/);
    await app.screenshot('scanner-manager-section');

    await devices.nth(1).getByRole('button', { name: 'Выбрать этот' }).click();
    await expect(section.getByText('✓ Сканер выбран')).toBeVisible();
    await expect(devices.nth(1)).toContainText('выбран');

    await devices.nth(1).getByRole('button', { name: 'Переключить на HID POS' }).click();
    await expect(section.getByText('Сканер переключён на HID POS', { exact: false })).toBeVisible();
    expect(hiddenPos.featureReports).toEqual([Uint8Array.of(0xfe, 0x01)]);
    await expect(section.getByRole('button', { name: 'Переключить на HID POS' })).toHaveCount(0);
    await expect(devices.nth(2).locator('.scanner__badges')).toHaveText('HID POS читается сейчас выбран', { useInnerText: true });
    await app.screenshot('scanner-manager-switched');
  });
});
