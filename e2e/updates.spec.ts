import { createHash } from 'node:crypto';
import type { Locator } from 'playwright/test';
import { expect, test } from './fixtures';
import { openManagerTab } from './screens';
import type { LaunchedApp } from './harness';
import { serveFiles } from '../test-support/net/fileServer';

const INSTALLER = Buffer.from('new till version '.repeat(20_000));
const CHANNEL = process.platform === 'win32' ? 'latest.yml' : `latest-linux${process.arch === 'x64' ? '' : `-${process.arch}`}.yml`;

/** A real update feed on loopback: path → body. */
async function serveFeed(files: Record<string, string | Buffer>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await serveFiles(files);
  return { url: `${server.origin}/feed/`, close: server.close };
}

async function openUpdates(app: LaunchedApp) {
  const { page } = app;
  await openManagerTab(page, 'Программа');
  const section = page.getByTestId('update-section');
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole('heading', { name: 'Обновления программы' })).toBeVisible();
  return section;
}

/** Types a feed address into the section and saves it, as the manager does. */
async function saveFeed(section: Locator, url: string): Promise<void> {
  await section.getByLabel(/Адрес ленты обновлений/).fill(url);
  await section.getByRole('button', { name: 'Сохранить адрес' }).click();
}

test.describe('manager: program updates', () => {
  test('off until a feed is set; a feed that is not https is refused in Russian', async ({ app }) => {
    const section = await openUpdates(app);
    await expect(section.getByTestId('update-version')).toHaveText('0.1.0');
    await expect(section.getByTestId('update-stage')).toHaveText('Выключены: адрес ленты не задан.');
    await expect(section.getByTestId('update-last-check')).toHaveText('ещё не было');
    await expect(section.getByRole('button', { name: 'Проверить сейчас' })).toBeDisabled();

    await saveFeed(section, 'http://updates.example.ru/kassa/');
    await expect(section.getByRole('alert')).toContainText('Лента обновлений должна быть по https://');
    await expect(section.getByTestId('update-stage')).toHaveText('Выключены: адрес ленты не задан.');
    await app.screenshot('updates-refused-feed');
  });

  test('a real feed on loopback: checked at once, the newer version downloaded and verified', async ({ app }) => {
    const sha512 = createHash('sha512').update(INSTALLER).digest('base64');
    const feed = await serveFeed({
      [`/feed/${CHANNEL}`]: `version: 0.2.0\nfiles:\n  - url: Kassa-0.2.0.AppImage\n    sha512: ${sha512}\n    size: ${INSTALLER.length}\n`,
      '/feed/Kassa-0.2.0.AppImage': INSTALLER,
    });
    try {
      const section = await openUpdates(app);
      await saveFeed(section, feed.url);
      await expect(section.getByRole('status')).toHaveText('✓ Адрес ленты сохранён, проверяем обновления.');
      await expect(section.getByTestId('update-stage')).toHaveText('Версия 0.2.0 скачана и проверена.');
      await expect(section.getByTestId('update-last-check')).toContainText('Версия 0.2.0 скачана и проверена, ждёт установки.');
      // This harness is not an installed app: it says so rather than offering to install.
      await expect(section.getByRole('button', { name: 'Установить сейчас' })).toBeDisabled();
      await expect(section.getByText('Эта сборка не обновляет себя сама')).toBeVisible();
      await app.screenshot('updates-downloaded');
    } finally {
      await feed.close();
    }
  });

  test('a web page instead of a feed: the last check says what is wrong', async ({ app }) => {
    const feed = await serveFeed({ [`/feed/${CHANNEL}`]: '<!doctype html><html><body>Вход в портал</body></html>' });
    try {
      const section = await openUpdates(app);
      await saveFeed(section, feed.url);
      await expect(section.getByTestId('update-last-check')).toContainText('По адресу ленты нет ленты обновлений');
      await expect(section.getByTestId('update-stage')).toHaveText('Включены: лента проверяется при запуске и раз в сутки.');
      await app.screenshot('updates-not-a-feed');
    } finally {
      await feed.close();
    }
  });
});
