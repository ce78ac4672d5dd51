import { checkoutRu } from './checkoutMessages';
import { journalRu } from './journalMessages';
import { settingsRu } from './settingsMessages';
import { toolRu } from './toolMessages';
import type { MessageParams } from './messageTypes';

const PROGRAM_ERROR = 'Ошибка программы кассы: сервер не получил';
const CALL_SUPPORT = 'Позвоните менеджеру или в поддержку.';
const REFRESH_QR = 'Попросите клиента обновить QR-код в боте Скидкабот и отсканируйте новый.';
const RETRY_OR_MANAGER = 'Повторите; если не проходит — позвоните менеджеру.';
const RESCAN = 'Отсканируйте QR-код Скидкабот в телефоне покупателя.';
const REISSUE = 'Попросите покупателя обновить QR-код в боте.';
const KEYCHAIN_ADVICE = 'Секретный код магазина хранится только там: обратитесь к администратору компьютера.';

/** The proxy's address after a word, when the message should name it. */
const via = (p: MessageParams): string => (p['via'] === undefined ? '' : ` ${String(p['via'])}`);
const num = (p: MessageParams, name: string): number => Number(p[name] ?? 0);
const str = (p: MessageParams, name: string): string => String(p[name] ?? '');
const done = (p: MessageParams): string => (p['op'] === 'redeem' ? 'списаны' : 'начислены');
const action = (p: MessageParams): string => (p['op'] === 'redeem' ? 'списание' : 'начисление');

/** Seconds under a minute, whole minutes above, rounded up: a lockout never ends earlier than said. */
function durationRu(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds} с` : `${Math.ceil(seconds / 60)} мин`;
}

const FIELD_LABELS: Readonly<Record<string, string>> = { vendor: 'код магазина', client: 'номер покупателя', secret: 'проверочный код' };
const FIELD_PROBLEMS: Readonly<Record<string, string>> = {
  missing: 'отсутствует',
  notInteger: '— не целое число',
  negative: 'меньше нуля',
  tooLarge: '— слишком большое число',
};

/**
 * The one table of messages main sends as a key with parameters. Adding an error is one line here
 * and one in messagesEn.ts (a test fails until both have it); the key type comes from this table.
 * Server text is never a parameter a cashier reads in English: only numbers and our own words are.
 */
export const messagesRu = {
  'answer.1': () => `${PROGRAM_ERROR} код магазина. ${CALL_SUPPORT}`,
  'answer.2': () => `${PROGRAM_ERROR} номер клиента. ${CALL_SUPPORT}`,
  'answer.3': () => `${PROGRAM_ERROR} секретный код магазина. ${CALL_SUPPORT}`,
  'answer.4': () => `${PROGRAM_ERROR} ключ QR-кода. ${CALL_SUPPORT}`,
  'answer.5': () => 'Скидкабот не знает магазин с таким кодом и секретным кодом. Позвоните менеджеру: нужно проверить настройки.',
  'answer.6': () => 'Клиент не зарегистрирован в Скидкабот. Попросите его зарегистрироваться в боте и показать новый QR-код.',
  'answer.7': () => `Скидкабот не знает этот QR-код. ${REFRESH_QR}`,
  'answer.8': () => `QR-код не прошёл проверку. ${REFRESH_QR}`,
  'answer.9': () => `QR-код устарел. ${REFRESH_QR}`,
  'answer.11': () => `${PROGRAM_ERROR} число начисляемых бонусов. ${CALL_SUPPORT}`,
  'answer.12': () => `${PROGRAM_ERROR} число списываемых бонусов. ${CALL_SUPPORT}`,
  'answer.13': () => 'У клиента не хватает бонусов для списания. Спишите меньше или только начислите бонусы.',
  'answer.15': () => 'Скидкабот отключил магазин: на счёте магазина в Скидкабот минус. Позвоните менеджеру, чтобы пополнил счёт.',
  'answer.unknown': (p) =>
    str(p, 'text') === ''
      ? `Скидкабот отказал с кодом ${num(p, 'code')}. Позвоните менеджеру.`
      : `Скидкабот отказал (код ${num(p, 'code')}): ${str(p, 'text')}. Позвоните менеджеру.`,
  'answer.tooLong': () => `Сервер Скидкабот прислал слишком длинный ответ. ${RETRY_OR_MANAGER}`,
  'answer.empty': () => `Сервер Скидкабот прислал пустой ответ. ${RETRY_OR_MANAGER}`,
  'answer.html': () => `Сервер Скидкабот прислал веб-страницу вместо ответа. ${RETRY_OR_MANAGER}`,
  'answer.garbled': () => `Сервер Скидкабот прислал непонятный ответ. ${RETRY_OR_MANAGER}`,
  'answer.noBalance': () => `Сервер Скидкабот прислал неполный ответ: нет баланса клиента. ${RETRY_OR_MANAGER}`,
  'answer.balanceNotWhole': (p) => `Сервер Скидкабот прислал баланс клиента «${str(p, 'reported')}», а баланс — целое число бонусов. ${RETRY_OR_MANAGER}`,
  'answer.percentOutOfRange': (p) =>
    `Сервер Скидкабот прислал процент начисления или списания «${str(p, 'reported')}», а он должен быть от 0 до 100. ${RETRY_OR_MANAGER}`,
  'http.5xx': (p) => `Сбой на сервере Скидкабот (HTTP ${num(p, 'status')}). Повторите через минуту; если не проходит — позвоните менеджеру.`,
  'http.404': () => 'Сервер не знает такого адреса (HTTP 404). Позовите менеджера: в настройках кассы неверный адрес сервера.',
  'http.redirect': (p) => `Сервер перенаправляет запрос (HTTP ${num(p, 'status')}). Позовите менеджера: в настройках кассы неверный адрес сервера.`,
  'http.other': (p) => `Сервер Скидкабот отклонил запрос (HTTP ${num(p, 'status')}). Позвоните менеджеру.`,
  'network.refused': () => 'Нет связи с сервером Скидкабот. Проверьте интернет на кассе; если он есть — позовите менеджера.',
  'network.timeout': () => 'Сервер Скидкабот не ответил вовремя. Повторите; если снова не отвечает — проверьте интернет на кассе и позовите менеджера.',
  'network.dns': () => 'Сервер Скидкабот не найден. Проверьте интернет на кассе; если он есть — позовите менеджера.',
  'network.tls': () =>
    'Соединение с сервером Скидкабот небезопасно: сертификат не прошёл проверку. Проверьте дату и время на кассе; если они верны — позовите менеджера.',
  'network.reset': () => 'Связь с сервером Скидкабот оборвалась. Повторите; если не проходит — проверьте интернет на кассе.',
  'network.unreachable': () => 'Касса не в сети: нет связи с сервером Скидкабот. Проверьте кабель или Wi-Fi кассы и повторите.',
  'network.proxy-down': (p) => `Прокси-сервер${via(p)} не отвечает: запрос не отправлен. Проверьте интернет на кассе и повторите; если не проходит — позовите менеджера.`,
  'network.proxy-auth': (p) =>
    `Прокси${via(p)} требует авторизацию (407): запрос не отправлен. Позовите менеджера или администратора сети: кассе нужен доступ к Скидкабот через прокси без пароля.`,
  'network.proxy-refused': (p) => `Прокси-сервер${via(p)} не пропустил соединение с сервером Скидкабот: запрос не отправлен. Позовите менеджера или администратора сети.`,
  'network.proxy-setting': () => 'Прокси-сервер в переменной HTTPS_PROXY или HTTP_PROXY указан неверно: нужен вид http://хост:порт. Запрос не отправлен.',
  'network.other': () => 'Не удалось связаться с сервером Скидкабот. Проверьте интернет на кассе и повторите; если не проходит — позовите менеджера.',
  'outcome.unknownUnchecked': (p) =>
    `Неизвестно, ${done(p)} ли бонусы (${num(p, 'bonuses')}): сервер не подтвердил операцию, а проверить баланс не удалось. Не повторяйте ${action(p)} — позовите менеджера.`,
  'outcome.unknownMoved': (p) =>
    `Неизвестно, ${done(p)} ли бонусы (${num(p, 'bonuses')}): сервер не подтвердил операцию, а баланс клиента стал ${num(p, 'after')} (был ${num(p, 'before')}). Не повторяйте ${action(p)} — позовите менеджера.`,
  'outcome.notApplied': (p) => `Сервер не подтвердил операцию, но баланс клиента не изменился: бонусы не ${done(p)}. Можно провести ${action(p)} ещё раз.`,
  'config.serverMissing': () => 'Сервер Скидкабот не настроен. Позвоните менеджеру.',
  'config.badUrl': () => 'Адрес сервера Скидкабот в настройках неверен: нужен адрес вида https://skidkabot.ru. Позвоните менеджеру.',
  'config.badCredentials': () => 'Код или секретный код магазина в настройках не заданы или неверны. Позвоните менеджеру.',
  'config.badKassa': () => 'Номер кассы в настройках неверен. Позвоните менеджеру.',
  'config.noShopCode': () => 'Касса не настроена: не задан код магазина. Позовите менеджера.',
  'config.noSecret': () => 'Касса не настроена: не задан секретный код магазина. Позовите менеджера.',
  'config.settingsNotSaved': () => 'Настройки не сохранены. Повторите.',
  'keychain.badSecret': () => 'В хранилище паролей ОС записан неверный секретный код магазина. Задайте его заново в режиме менеджера.',
  'keychain.timeout': (p) => `Хранилище паролей ОС недоступно: нет ответа за ${num(p, 'seconds')} с (возможно, оно заблокировано). ${KEYCHAIN_ADVICE}`,
  'keychain.unavailable': () => `Хранилище паролей ОС недоступно. ${KEYCHAIN_ADVICE}`,
  'secret.invalid': () => 'Секретный код магазина — целое неотрицательное число. Проверьте его в личном кабинете Скидкабот.',
  'qr.badNumbers': () => 'В QR-коде неверные номера. Отсканируйте QR-код клиента ещё раз.',
  'qr.otherShop': (p) =>
    `Это QR-код другого магазина (код ${num(p, 'vendor')}), а у этой кассы код магазина ${num(p, 'shop')}. Попросите покупателя открыть QR-код вашего магазина в боте.`,
  'scan.empty': () => `Сканер ничего не передал. ${RESCAN}`,
  'scan.tooLong': () => `Слишком длинный код: это не QR-код Скидкабот. ${RESCAN}`,
  'scan.productBarcode': () => `Это штрихкод товара, а не QR-код Скидкабот. ${RESCAN}`,
  'scan.markingCode': () => `Это код маркировки товара («Честный знак»), а не QR-код Скидкабот. ${RESCAN}`,
  'scan.url': () => `Это ссылка, а не QR-код Скидкабот. ${RESCAN}`,
  'scan.unreadable': () => `Не удалось прочитать QR-код Скидкабот. ${RESCAN}`,
  'scan.notAnObject': () => `Это не QR-код Скидкабот: внутри другие данные. ${RESCAN}`,
  'scan.noType': () => `Это не QR-код Скидкабот: в нём нет отметки «Skidkabot». ${RESCAN}`,
  'scan.ambiguous': () => 'Код читается двумя разными способами. Переключите раскладку на английскую (EN) и отсканируйте ещё раз.',
  'scan.otherType': (p) => `Это QR-код другого сервиса («${str(p, 'type')}»), а не Скидкабот. ${RESCAN}`,
  'scan.qrError': (p) =>
    str(p, 'text') === '' ? `Вместо QR-кода бот показал ошибку ${num(p, 'code')}. ${REISSUE}` : `Вместо QR-кода бот показал ошибку: «${str(p, 'text')}». ${REISSUE}`,
  'scan.badField': (p) =>
    `QR-код испорчен: ${FIELD_LABELS[str(p, 'field')] ?? str(p, 'field')} (${str(p, 'field')}) ${FIELD_PROBLEMS[str(p, 'problem')] ?? ''}. ${REISSUE}`,
  'checkout.busy': () => 'Подождите: предыдущая операция ещё выполняется.',
  'checkout.cannotCancel': () =>
    'Операция уже отправлена, отменить её нельзя: иначе не узнать, прошла ли она. Дождитесь ответа — касса сама проверит баланс.',
  'checkout.zeroAccrual': () => 'За эту покупку бонусы не начисляются: по правилам выходит 0. Продолжите без бонусов.',
  'checkout.alreadyDone': () => 'Операция уже проведена. Для новой покупки отсканируйте QR-код покупателя ещё раз.',
  'checkout.scanFirst': () => 'Сначала отсканируйте QR-код покупателя.',
  'checkout.badPurchase': () => 'Сумма покупки должна быть больше нуля. Исправьте сумму.',
  'bonuses.invalid': () => 'Число бонусов должно быть целым, не меньше 1.',
  'balance.unknown': () => 'Баланс клиента до операции неизвестен. Отсканируйте QR-код ещё раз.',
  'auth.loginNeeded': () => 'Нужен вход менеджера: введите пароль менеджера.',
  'auth.wrongPassword': (p) => `Неверный пароль. Осталось попыток до блокировки: ${num(p, 'left')}.`,
  'auth.lockedFor': (p) => `Неверный пароль. Вход заблокирован на ${durationRu(num(p, 'ms'))}.`,
  'auth.tooManyAttempts': (p) => `Слишком много неверных попыток. Повторите через ${durationRu(num(p, 'ms'))}.`,
  'ipc.unreachable': () => 'Касса не отвечает. Перезапустите программу.',
  ...checkoutRu,
  ...journalRu,
  ...settingsRu,
  ...toolRu,
} satisfies Record<string, (p: MessageParams) => string>;
