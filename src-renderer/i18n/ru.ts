import type { ErrorCategory } from '../../src-shared/errorCategory';
import { pluralRu } from '../../src-shared/format/plural';
import { formatInteger as int } from './format';

const bonuses = (n: number) => `${int(n, 'ru')} ${pluralRu(n, 'бонус', 'бонуса', 'бонусов')}`;

/** Every word the cashier's screen shows, Russian first; `en.ts` must have the same shape. A customer's are in ruCustomer.ts, the manager's in ruManager.ts. */
export const ru = {
  appTitle: 'Скидкабот Касса',
  bonuses,
  number: (n: number) => int(n, 'ru'),
  bridgeMissing: 'Программа запущена без связи с ядром. Перезапустите «Скидкабот Касса».',
  loading: 'Загрузка…',
  partFailed: 'Часть программы не загрузилась. Нажмите «Повторить»; если не помогает, переустановите «Скидкабот Касса».',
  partRetry: 'Повторить',
  status: {
    shop: (code: number | null) => (code === null ? 'Магазин не задан' : `Магазин ${code}`),
    kassa: (n: number) => `Касса ${n}`,
    scanner: 'Сканер',
    scannerState: { ready: 'готов', searching: 'ищем сканер', error: 'ошибка' },
    server: 'Сервер',
    serverState: { unknown: 'запросов ещё не было', pending: 'ждём ответа', ok: 'на связи', error: 'ошибка' },
    at: (time: string) => `в ${time}`,
    demo: 'ДЕМО-РЕЖИМ · встроенный тренажёр, бонусы ненастоящие',
    manager: 'Менеджер',
    openManager: 'Менеджер · F10',
  },
  cashier: {
    idleTitle: 'Отсканируйте QR-код покупателя',
    idleHint: 'Покупатель открывает бот Скидкабот и показывает QR-код.',
    pasteHint: 'Текст QR-кода можно вставить: Ctrl+V',
  },
  waiting: {
    title: {
      balance: 'Спрашиваю у сервера Скидкабот имя и баланс покупателя…',
      accrue: 'Отправляю начисление на сервер Скидкабот…',
      redeem: 'Отправляю списание на сервер Скидкабот…',
    },
    seconds: (n: number) => `${n} с`,
    cancel: 'отменить запрос: на сервере ничего не меняется',
    cannotCancel:
      'Отменить нельзя: операция уже отправлена, и только ответ сервера скажет, прошла ли она. Если ответа не будет, касса сама проверит баланс.',
  },
  errors: {
    category: {
      customer: { title: 'Нужен другой QR-код покупателя', next: 'Попросите покупателя открыть в боте свежий QR-код вашего магазина.' },
      cashier: { title: 'Исправьте на кассе', next: 'Исправьте и повторите: сервер тут ни при чём.' },
      manager: { title: 'Нужен менеджер', next: 'Позовите менеджера: это настройки кассы или счёт магазина.' },
      server: { title: 'Сбой на стороне Скидкабот', next: 'Повторите через минуту; если не проходит — позовите менеджера.' },
      network: { title: 'Нет связи с сервером', next: 'Проверьте интернет на кассе и повторите.' },
      'outcome-unknown': { title: 'Неизвестно, прошла ли операция', next: 'НЕ нажимайте кнопку ещё раз: менеджер проверит операцию в журнале.' },
    } satisfies Record<ErrorCategory, { title: string; next: string }>,
    keys: {
      nextCustomer: 'следующий покупатель: отсканируйте новый код',
      scanAgain: 'убрать сообщение и отсканировать ещё раз',
      retryPress: 'повторить нажатие, когда исправите',
    },
    code: (code: number) => `код ${code}`,
    dismiss: 'Понятно',
  },
  demo: {
    title: 'Демо-покупатели',
    hint: 'Кнопка или цифра на клавиатуре — как будто отсканировали QR-код.',
  },
  unresolvedNotice: (n: number) =>
      `${n === 1 ? 'Есть операция' : `Есть операции (${int(n, 'ru')})`} с неизвестным итогом. Менеджеру: F10 → «Журнал».`,
  problems: 'Внимание',
};

export type Dictionary = typeof ru;
