import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PLACEMENTS, writeCameraClip, type PlacementName } from '../test-support/camera/cameraClips';
import { expect, test } from './fixtures';
import { MANAGER_PASSWORD, type LaunchedApp } from './harness';
import { value } from '../test-support/app/callCore';
import { balanceIn, DEMO, qrOf, openManagerTab } from './screens';

/**
 * The camera read by Chromium's fake capture, fed with clips generated from the simulator's QR codes.
 * Each till with a camera runs in its own Chromium (capture switches are per browser launch).
 */
let clips: string;
test.beforeAll(async () => {
  clips = await mkdtemp(path.join(os.tmpdir(), 'kassa-camera-'));
});
test.afterAll(async () => {
  await rm(clips, { recursive: true, force: true });
});

const cameraCalls = (app: LaunchedApp) =>
  app.calls('camera.setOpen')
    .map((entry) => (entry.reply.ok ? (entry.reply.value as { open: boolean }).open : null));

test.describe('camera on the cashier screen', () => {
  for (const placement of Object.keys(PLACEMENTS) as PlacementName[]) {
    test(`reads a ${placement} QR and shows the customer as a scanner's read would`, async ({ launch, simulator }) => {
      const y4m = await writeCameraClip(clips, `ivan-${placement}`, qrOf(simulator, DEMO.ivan), PLACEMENTS[placement]);
      const app = await launch({ setup: 'ready', camera: { y4m } });
      const { page } = app;
      await expect(page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
      await page.keyboard.press('F6');
      await expect(page.getByTestId('customer-name')).toHaveText('Иван Петров');
      await expect(balanceIn(page)).toHaveText('2 365');
      // The first valid QR ends the camera scan: the camera is closed and main may not grant it any more.
      await expect(page.getByTestId('camera-panel')).toHaveCount(0);
      await expect.poll(() => cameraCalls(app)).toEqual([true, false]);
      expect(app.core.isCameraOpen()).toBe(false);
      expect(app.calls('scan.submit')).toHaveLength(1);
      expect(app.pageErrors()).toEqual([]);
      if (placement === 'centred') await app.screenshot('camera-customer-found');
    });
  }

  test('shows the live picture until the QR comes into view; Esc closes it', async ({ launch, simulator }) => {
    const y4m = await writeCameraClip(clips, 'late', qrOf(simulator, DEMO.ivan), PLACEMENTS.centred, { frames: 5, blankFrames: 60 });
    const app = await launch({ setup: 'ready', camera: { y4m } });
    const { page } = app;
    await page.getByTestId('camera-open').click();
    const panel = page.getByTestId('camera-panel');
    await expect(panel.locator('video')).toHaveAttribute('data-camera-state', 'running');
    // At least 10 decoded frames a second is the goal; the fake camera delivers 10, so ask for a figure shown at all.
    await expect(panel.locator('[data-fps]')).not.toHaveAttribute('data-fps', '');
    await app.screenshot('camera-open');
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect.poll(() => cameraCalls(app)).toEqual([true, false]);
    expect(app.calls('scan.submit')).toHaveLength(0);
  });

  test("answers another shop's QR with the scanner's message and keeps looking", async ({ launch, simulator }) => {
    const y4m = await writeCameraClip(clips, 'other-shop', qrOf(simulator, DEMO.otherShop), PLACEMENTS.centred);
    const app = await launch({ setup: 'ready', camera: { y4m } });
    const { page } = app;
    await page.keyboard.press('F6');
    await expect(page.locator('[data-error-kind="vendor"]')).toContainText('другого магазина (код 13)');
    await expect(page.getByTestId('camera-panel')).toBeVisible();
    // Held in view, the same QR is one scan: no stream of requests or repeated messages, over ten
    // more decoded frames rather than a wall-clock wait that a loaded machine may fill with none.
    const decoded = (): Promise<number> => page.locator('video.camera__video').getAttribute('data-decoded-frames').then((count) => Number(count ?? 0));
    const seen = await decoded();
    await expect.poll(decoded).toBeGreaterThanOrEqual(seen + 10);
    await app.settled();
    expect(app.calls('scan.submit')).toHaveLength(1);
    expect(app.core.isCameraOpen()).toBe(true);
    expect(simulator.balanceOf(DEMO.otherShop)).toBe(500);
    await app.screenshot('camera-other-shop');
  });

  test("answers a QR that is not Skidkabot's with the scanner's message", async ({ launch }) => {
    const y4m = await writeCameraClip(clips, 'link', 'https://example.org/promo?id=5', PLACEMENTS.rotated);
    const app = await launch({ setup: 'ready', camera: { y4m } });
    const { page } = app;
    await page.keyboard.press('F6');
    await expect(page.locator('[data-error-kind="scan"]')).toContainText('Это ссылка, а не QR-код Скидкабот');
    await expect(page.getByTestId('camera-panel')).toBeVisible();
    expect(app.calls('scan.submit')).toHaveLength(1);
  });
});

test.describe('camera problems, said in Russian with what to do', () => {
  test('no camera on this computer', async ({ app }) => {
    const { page } = app;
    await page.keyboard.press('F6');
    const problem = page.getByTestId('camera-panel').getByRole('alert');
    await expect(problem).toHaveAttribute('data-problem', 'missing');
    await expect(problem).toContainText('Камера не найдена. Подключите веб-камеру к USB');
    await expect(problem.getByRole('button', { name: 'Повторить' })).toBeVisible();
    await app.screenshot('camera-none');
  });

  test('the system refuses the camera', async ({ launch, simulator }) => {
    const y4m = await writeCameraClip(clips, 'denied', qrOf(simulator, DEMO.ivan), PLACEMENTS.centred);
    const app = await launch({ setup: 'ready', camera: { y4m, deny: true } });
    const { page } = app;
    await page.keyboard.press('F6');
    const problem = page.getByTestId('camera-panel').getByRole('alert');
    await expect(problem).toHaveAttribute('data-problem', 'denied');
    await expect(problem).toContainText('Доступ к камере запрещён системой');
    await expect(problem).toContainText('Конфиденциальность');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('camera-panel')).toHaveCount(0);
    await expect.poll(() => app.core.isCameraOpen()).toBe(false);
    await app.screenshot('camera-denied');
  });

  test('the chosen camera is unplugged', async ({ launch, simulator }) => {
    const y4m = await writeCameraClip(clips, 'unplugged', qrOf(simulator, DEMO.ivan), PLACEMENTS.centred);
    const app = await launch({ setup: 'ready', camera: { y4m } });
    value(await app.invoke('manager.login', MANAGER_PASSWORD));
    value(await app.invoke('camera.choose', { mode: 'on-demand', deviceId: 'unplugged-camera-id', label: 'Logitech C270' }));
    value(await app.invoke('manager.logout'));
    const { page } = app;
    await page.keyboard.press('F6');
    const problem = page.getByTestId('camera-panel').getByRole('alert');
    await expect(problem).toHaveAttribute('data-problem', 'unplugged');
    await expect(problem).toContainText('Камера «Logitech C270» отключена или не отвечает. Подключите её к USB');
    expect(app.calls('scan.submit')).toHaveLength(0);
    await expect.poll(() => app.core.isCameraOpen()).toBe(false);
    await app.screenshot('camera-unplugged');
  });
});

test.describe('camera in the manager screen', () => {
  test('lists the camera, test-reads a QR, and keeps the choice; the till then keeps the camera on', async ({ launch, simulator }) => {
    const y4m = await writeCameraClip(clips, 'manager', qrOf(simulator, DEMO.maria), PLACEMENTS.small);
    const app = await launch({ setup: 'ready', camera: { y4m } });
    const { page } = app;
    await openManagerTab(page, 'Устройства');
    const section = page.getByTestId('camera-section');
    await section.getByRole('button', { name: 'Проверить камеру' }).click();
    await expect(section.getByTestId('camera-test-read')).toHaveText(/этого магазина \(код 4\), покупатель 51234567/);
    // A test read starts no checkout.
    await app.settled();
    expect(app.calls('scan.submit')).toHaveLength(0);
    const select = section.getByRole('combobox', { name: 'Какая камера' });
    const fake = select.locator('option').nth(1);
    await expect(fake).not.toHaveText('');
    const label = (await fake.textContent()) ?? '';
    await select.selectOption({ label });
    await section.getByLabel('Камера — сканер кассы').check();
    await section.getByRole('button', { name: 'Сохранить выбор камеры' }).click();
    await expect(section.getByText('Выбор камеры сохранён.')).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await app.screenshot('camera-manager-section');
    await section.getByRole('button', { name: 'Остановить проверку' }).click();
    await expect.poll(() => app.core.isCameraOpen()).toBe(false);

    const state = await app.invoke('app.getState');
    expect(state.ok && state.value.camera).toMatchObject({ mode: 'always', label });

    // Back at the till the camera is its scanner: on without F6, and Maria's QR brings her up.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('customer-name')).toHaveText('Мария Смирнова');
    expect(app.calls('scan.submit')).toHaveLength(1);
  });
});
