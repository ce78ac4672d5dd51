import type { CameraSettings } from '../../src-shared/settings/settings';
import { useKassa } from '../store/StoreContext';
import type { CameraProblem } from './cameraAccess';

/** What the camera screens say. Kept with the camera (not in the shared dictionary) so the feature is one folder. */
export interface CameraText {
  open: string;
  title: string;
  hint: string;
  starting: string;
  running: (fps: number | null) => string;
  close: string;
  retry: string;
  problems: Record<CameraProblem | 'decoder', (label: string | null) => string>;
  section: {
    title: string;
    intro: string;
    mode: string;
    modes: Record<CameraSettings['mode'], string>;
    device: string;
    systemDefault: string;
    unnamed: (n: number) => string;
    notConnected: (label: string) => string;
    refresh: string;
    test: string;
    stopTest: string;
    testIdle: string;
    testCustomer: (vendor: number, client: number) => string;
    save: string;
    saving: string;
    saved: string;
  };
}

const RETRY_RU = 'Затем нажмите «Повторить».';
const SCANNER_RU = 'Пока камера не работает, сканируйте QR-код сканером.';

const ru: CameraText = {
  open: 'Камера (F6)',
  title: 'Камера: покажите QR-код',
  hint: 'Попросите покупателя поднести телефон с QR-кодом Скидкабот к камере экраном, на 20–30 см.',
  starting: 'Включаем камеру…',
  running: (fps) => (fps === null ? 'Камера работает, ищем QR-код…' : `Камера работает, ищем QR-код… (${fps} кадр/с)`),
  close: 'Закрыть камеру (Esc)',
  retry: 'Повторить',
  problems: {
    denied: () =>
      'Доступ к камере запрещён системой. Windows: Параметры → Конфиденциальность → Камера → разрешите доступ классическим приложениям. ' +
      `macOS: Системные настройки → Конфиденциальность и безопасность → Камера → включите «Скидкабот Касса». ${RETRY_RU}`,
    missing: () => `Камера не найдена. Подключите веб-камеру к USB и подождите 5 секунд. ${RETRY_RU} ${SCANNER_RU}`,
    unplugged: (label) =>
      `Камера${label ? ` «${label}»` : ''} отключена или не отвечает. Подключите её к USB, подождите 5 секунд и нажмите «Повторить», ` +
      'или выберите другую камеру: F10 → раздел «Камера».',
    busy: () => `Камера занята другой программой (Zoom, Skype, браузер). Закройте её. ${RETRY_RU}`,
    timeout: () => `Камера не ответила за 10 секунд. Переподключите её к USB. ${RETRY_RU} ${SCANNER_RU}`,
    unsupported: () => `Эта версия программы не может работать с камерой. ${SCANNER_RU}`,
    failed: () => `Не удалось включить камеру. ${RETRY_RU} Если не помогает, перезапустите программу. ${SCANNER_RU}`,
    decoder: () => `Не запустилось распознавание QR-кодов. Перезапустите программу. ${SCANNER_RU}`,
  },
  section: {
    title: 'Камера',
    intro: 'Если на кассе нет 2D-сканера, QR-код покупателя читает камера компьютера: кнопка «Камера» или F6 на экране кассира.',
    mode: 'Как работает камера',
    modes: {
      off: 'Без камеры (QR-код читает сканер)',
      'on-demand': 'По кнопке «Камера» и F6',
      always: 'Камера — сканер кассы: включена, пока касса ждёт покупателя',
    },
    device: 'Какая камера',
    systemDefault: 'Камера по умолчанию в системе',
    unnamed: (n) => `Камера ${n}`,
    notConnected: (label) => `Выбранная камера «${label}» сейчас не подключена. Подключите её или выберите другую.`,
    refresh: 'Обновить список',
    test: 'Проверить камеру',
    stopTest: 'Остановить проверку',
    testIdle: 'Покажите камере QR-код покупателя: здесь появится, что прочитано.',
    testCustomer: (vendor, client) => `✓ QR-код Скидкабот этого магазина (код ${vendor}), покупатель ${client}. Камера читает QR-коды.`,
    save: 'Сохранить выбор камеры',
    saving: 'Сохраняем…',
    saved: 'Выбор камеры сохранён.',
  },
};

const RETRY_EN = 'Then press «Retry».';
const SCANNER_EN = 'Until the camera works, scan the QR code with the scanner.';

const en: CameraText = {
  open: 'Camera (F6)',
  title: 'Camera: show the QR code',
  hint: "Ask the customer to hold the phone with the Skidkabot QR code to the camera, screen first, 20–30 cm away.",
  starting: 'Turning the camera on…',
  running: (fps) => (fps === null ? 'Camera on, looking for a QR code…' : `Camera on, looking for a QR code… (${fps} frames/s)`),
  close: 'Close the camera (Esc)',
  retry: 'Retry',
  problems: {
    denied: () =>
      'The system denies access to the camera. Windows: Settings → Privacy → Camera → allow desktop apps. ' +
      `macOS: System Settings → Privacy & Security → Camera → turn on «Скидкабот Касса». ${RETRY_EN}`,
    missing: () => `No camera found. Plug a webcam into USB and wait 5 seconds. ${RETRY_EN} ${SCANNER_EN}`,
    unplugged: (label) =>
      `The camera${label ? ` «${label}»` : ''} is unplugged or does not answer. Plug it in, wait 5 seconds and press «Retry», ` +
      'or choose another camera: F10 → «Camera».',
    busy: () => `Another program (Zoom, Skype, a browser) is using the camera. Close it. ${RETRY_EN}`,
    timeout: () => `The camera did not answer in 10 seconds. Plug it in again. ${RETRY_EN} ${SCANNER_EN}`,
    unsupported: () => `This version of the app cannot use a camera. ${SCANNER_EN}`,
    failed: () => `The camera did not turn on. ${RETRY_EN} If that does not help, restart the app. ${SCANNER_EN}`,
    decoder: () => `QR recognition did not start. Restart the app. ${SCANNER_EN}`,
  },
  section: {
    title: 'Camera',
    intro: "Without a 2D scanner, the PC's camera reads the customer's QR code: the «Camera» button or F6 on the cashier screen.",
    mode: 'How the camera works',
    modes: {
      off: 'No camera (the scanner reads QR codes)',
      'on-demand': 'With the «Camera» button and F6',
      always: "The camera is the till's scanner: on while the till waits for a customer",
    },
    device: 'Which camera',
    systemDefault: "The system's default camera",
    unnamed: (n) => `Camera ${n}`,
    notConnected: (label) => `The chosen camera «${label}» is not plugged in now. Plug it in or choose another.`,
    refresh: 'Refresh the list',
    test: 'Test the camera',
    stopTest: 'Stop the test',
    testIdle: "Show the camera a customer's QR code: what it reads appears here.",
    testCustomer: (vendor, client) => `✓ A Skidkabot QR code of this shop (code ${vendor}), customer ${client}. The camera reads QR codes.`,
    save: 'Save the camera choice',
    saving: 'Saving…',
    saved: 'Camera choice saved.',
  },
};

function cameraText(language: 'ru' | 'en'): CameraText {
  return language === 'en' ? en : ru;
}

export function useCameraText(): CameraText {
  return cameraText(useKassa((state) => state.app?.language ?? 'ru'));
}
