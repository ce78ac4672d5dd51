import type { UpdateView } from '../../src-shared/update/types';

/** The «Обновления» section's words; kept beside it so the section moves as one piece. */
export const UPDATE_TEXT = {
  ru: {
    title: 'Обновления программы',
    version: 'Установленная версия',
    feed: 'Адрес ленты обновлений (папка с latest.yml)',
    feedNote: 'Пусто — обновления выключены',
    feedPlaceholder: 'https://updates.example.ru/kassa/',
    saveFeed: 'Сохранить адрес',
    feedSaved: (on: boolean) => (on ? 'Адрес ленты сохранён, проверяем обновления.' : 'Обновления выключены.'),
    checkNow: 'Проверить сейчас',
    installNow: 'Установить сейчас',
    lastCheck: 'Последняя проверка',
    never: 'ещё не было',
    nextCheck: 'Следующая проверка',
    stage: (view: UpdateView): string => {
      switch (view.stage) {
        case 'off':
          return 'Выключены: адрес ленты не задан.';
        case 'idle':
          return 'Включены: лента проверяется при запуске и раз в сутки.';
        case 'checking':
          return 'Проверяем ленту…';
        case 'downloading':
          return `Скачивается версия ${view.available?.version ?? ''}: ${view.available?.percent ?? 0}%.`;
        case 'ready':
          return view.canUpdateItself
            ? `Версия ${view.available?.version ?? ''} скачана и проверена. Установится при закрытии программы или сейчас, кнопкой ниже.`
            : `Версия ${view.available?.version ?? ''} скачана и проверена.`;
        case 'installing':
          return 'Устанавливаем обновление: программа закроется и запустится снова.';
      }
    },
  },
  en: {
    title: 'Program updates',
    version: 'Installed version',
    feed: 'Update feed address (the folder with latest.yml)',
    feedNote: 'Empty — updates off',
    feedPlaceholder: 'https://updates.example.com/kassa/',
    saveFeed: 'Save address',
    feedSaved: (on: boolean) => (on ? 'Feed saved, checking for updates.' : 'Updates turned off.'),
    checkNow: 'Check now',
    installNow: 'Install now',
    lastCheck: 'Last check',
    never: 'not yet',
    nextCheck: 'Next check',
    stage: (view: UpdateView): string => {
      switch (view.stage) {
        case 'off':
          return 'Off: no feed address set.';
        case 'idle':
          return 'On: the feed is checked at start and daily.';
        case 'checking':
          return 'Checking the feed…';
        case 'downloading':
          return `Downloading version ${view.available?.version ?? ''}: ${view.available?.percent ?? 0}%.`;
        case 'ready':
          return view.canUpdateItself
            ? `Version ${view.available?.version ?? ''} downloaded and verified. It installs when the program closes, or now with the button below.`
            : `Version ${view.available?.version ?? ''} downloaded and verified.`;
        case 'installing':
          return 'Installing: the program will close and start again.';
      }
    },
  },
} as const;
