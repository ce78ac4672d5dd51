import { pluralRu } from '../../src-shared/format/plural';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../src-shared/manager/password';
import { formatInteger as int } from './format';
import { journalRu } from './journalRu';

/** The genitive after «не короче», «не длиннее»: 21 символа, 6 символов. */
const characters = (n: number) => `${n} ${pluralRu(n, 'символа', 'символов', 'символов')}`;

/**
 * The words of the manager's area and the first run, loaded with them: a cashier's till starts
 * without them. `enManager.ts` must have the same shape.
 */
export const ruManager = {
  manager: {
    back: 'Назад к кассе · Esc',
    /** The same, where the manager's bar is narrow (a 1024 px till). */
    backShort: 'К кассе · Esc',
    loginTitle: 'Вход для менеджера',
    password: 'Пароль менеджера',
    login: 'Войти',
    passwordEmpty: 'Введите пароль',
    locked: (remaining: string) => `Слишком много неверных попыток. Вход снова через ${remaining}.`,
    title: 'Настройки кассы',
    shopGroup: 'Магазин и касса',
    shopCode: 'Код магазина',
    shopSecret: 'Секретный код магазина',
    secretState: (set: boolean): string => (set ? 'задан' : 'не задан'),
    secretPlaceholder: 'новый секретный код',
    saveSecret: 'Сохранить секретный код',
    secretSaved: 'Секретный код сохранён',
    kassa: 'Номер кассы',
    advanced: 'Дополнительно',
    apiUrl: 'Адрес сервера Скидкабот',
    rules: 'Правила бонусов',
    rulesServer: 'Проценты из кабинета Скидкабот',
    rulesShop: 'Свои проценты магазина',
    pPlus: 'Начисление, % покупки',
    pMinus: 'Списание, не больше % покупки',
    accrueOnPaidPart: 'При списании начислять бонусы на часть, оплаченную деньгами',
    language: 'Язык',
    languages: { ru: 'Русский', en: 'English' },
    save: 'Сохранить настройки',
    saved: 'Настройки сохранены',
    connectionOk: 'Сервер Скидкабот отвечает, код и секретный код магазина верны.',
    testConnection: 'Проверить подключение',
    testing: 'Проверяем…',
    logout: 'Выйти',
    invalid: {
      shopCode: 'Код магазина — целое число больше нуля',
      secret: 'Секретный код — только цифры',
      kassa: 'Номер кассы — целое число от 1 до 1 000 000',
      apiUrl: 'Адрес сервера начинается с https:// (или http://)',
      percent: 'Процент — число от 0 до 100',
    },
  },
  firstRun: {
    passwordTitle: 'Первый запуск: пароль менеджера',
    passwordHint: 'Пароль защищает настройки кассы. Кассиру его не сообщайте.',
    password: 'Пароль',
    passwordRepeat: 'Пароль ещё раз',
    passwordTooShort: `Пароль — не короче ${characters(MIN_PASSWORD_LENGTH)}`,
    passwordTooLong: `Пароль — не длиннее ${characters(MAX_PASSWORD_LENGTH)}`,
    passwordMismatch: 'Пароли не совпадают — введите ещё раз',
    next: 'Дальше',
    shopTitle: 'Какой магазин подключить?',
    ownShop: 'Свой магазин',
    ownShopHint: 'Код магазина и секретный код — в кабинете Скидкабот.',
    connect: 'Подключить магазин',
    testShop: 'Тестовый магазин Скидкабот',
    testShopHint: 'Магазин 4 на настоящем сервере. QR-коды — в боте @Skidkabotmymagbot.',
    demo: 'Демо-режим',
    tryTitle: 'Только попробовать кассу',
    demoHint: 'Встроенный тренажёр: без интернета и без телефона.',
  },
  scanner: {
    title: 'Сканер',
    refresh: 'Обновить список',
    refreshing: 'Ищем…',
    devices: 'Найденные устройства',
    noDevices: 'Сканеры USB не найдены. Сканер в режиме клавиатуры может не попасть в список: проверьте его сканом ниже.',
    mode: { 'hid-pos': 'HID POS', keyboard: 'Клавиатура', unknown: 'Режим не известен' },
    active: 'читается сейчас',
    pinned: 'выбран',
    notReadable: 'только через окно программы',
    pin: 'Выбрать этот',
    unpin: 'Снять выбор',
    choiceAuto: 'Сканер выбирает программа: первым — HID POS.',
    choicePinned: 'Программа читает выбранный сканер, когда он подключён.',
    pinnedSaved: 'Сканер выбран',
    unpinnedSaved: 'Выбор снят: сканер выбирает программа',
    redirect: 'Переключить на HID POS',
    redirecting: 'Переключаем…',
    keyboardTitle: 'Если сканер работает только как клавиатура',
    keyboardSteps: [
      'Отсканируйте из инструкции к сканеру настроечный штрихкод «USB HID POS» (бывает «HID POS» или «USB POS»).',
      'Если такого штрихкода нет: оставьте режим клавиатуры, но страну клавиатуры в сканере — США (USA, English US).',
      'В режиме клавиатуры окно кассы должно быть активным, когда кассир сканирует.',
    ],
    udevTitle: 'Linux: доступ к сканеру',
    udevInstalled: 'Правило udev установлено: программа может читать сканеры HID POS.',
    udevMissing: 'Правило udev не установлено, без него Linux не даёт программе читать сканер. Выполните в терминале (нужен пароль администратора) и переподключите сканер:',
    udevReadme: 'Подробности — в файле README.md рядом с правилом.',
    testTitle: 'Проверка сканирования',
    testHint: 'Отсканируйте QR-код покупателя — здесь появится, что прочитано, каким путём и за сколько.',
    testEmpty: 'Сканов ещё не было',
    result: 'Прочитано',
    resultOk: (vendor: number, client: number) => `QR-код Скидкабот: магазин ${vendor}, покупатель ${client}`,
    repaired: 'Код пришёл в русской раскладке и исправлен. Надёжнее: HID POS или страна клавиатуры США в сканере.',
    way: 'Путь',
    via: {
      'hid-pos': 'HID POS, напрямую по USB',
      'hid-keyboard': 'режим клавиатуры, напрямую по USB',
      keystrokes: 'нажатия клавиш в окне программы',
      paste: 'вставка текста (Ctrl+V)',
      camera: 'камера компьютера',
      other: 'кнопка в программе',
    },
    took: 'Время',
    duration: (ms: number | null, waitMs: number | null) =>
      [ms === null ? 'не измерено' : `чтение ${int(ms, 'ru')} мс`, waitMs ? `ожидание конца ${int(waitMs, 'ru')} мс` : '']
        .filter(Boolean)
        .join(', '),
    endedBy: { json: 'конец по закрывающей скобке', suffix: 'конец по Enter', continuation: 'конец по флагу сканера', gap: 'конец по паузе' },
    chars: (n: number) => `${int(n, 'ru')} ${pluralRu(n, 'знак', 'знака', 'знаков')}`,
    at: (time: string) => `в ${time}`,
  },
  journal: journalRu,
};

export type ManagerDictionary = typeof ruManager;
