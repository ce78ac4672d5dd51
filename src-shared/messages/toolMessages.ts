import { pluralEn, pluralRu } from '../format/plural';
import type { MessageParams } from './messageTypes';

const num = (p: MessageParams, name: string): number => Number(p[name] ?? 0);
const str = (p: MessageParams, name: string): string => String(p[name] ?? '');
const PROGRAM = 'skidkabot-kassa';
const HID_POS_RU = 'Отсканируйте настроечный штрихкод «HID POS» из его инструкции.';
const HID_POS_EN = 'Scan the "HID POS" setup barcode from its manual.';
/** A command-line complaint ends with where to read more: the command's help (`help`) or the list of commands (`commands`). */
const helpRu = (p: MessageParams): string =>
  p['help'] !== undefined ? ` Справка: ${PROGRAM} ${str(p, 'help')} --help` : p['commands'] !== undefined ? ` Список команд: ${PROGRAM} --help` : '';
const helpEn = (p: MessageParams): string =>
  p['help'] !== undefined ? ` Help: ${PROGRAM} ${str(p, 'help')} --help` : p['commands'] !== undefined ? ` Commands: ${PROGRAM} --help` : '';

/** Scanner, local API, updates and the command line. */
export const toolRu = {
  'scanner.gone': () => 'Этого сканера уже нет в списке. Обновите список и выберите снова.',
  'scanDrop.deviceLost': () => 'Сканер отключился во время чтения. Подключите его и отсканируйте код ещё раз.',
  'scanDrop.deviceError': () => 'Сканер сбился во время чтения. Отсканируйте код ещё раз.',
  'scanDrop.incomplete': () => 'Код прочитан не полностью. Отсканируйте его ещё раз.',
  'scanDrop.malformed': () => 'Сканер прислал испорченные данные. Отсканируйте код ещё раз.',
  'scanDrop.tooLong': () => 'Это не QR-код Скидкабот: слишком длинный. Отсканируйте QR клиента.',
  'scanner.cannotRedirect': () => `Этот сканер нельзя переключить отсюда. ${HID_POS_RU}`,
  'scanner.commandRefused': (p: MessageParams) => `Сканер не принял команду (${str(p, 'detail')}). ${HID_POS_RU}`,
  'scanner.descriptorTorn': () => 'Описание отчётов HID оборвано.',
  'scanner.descriptorFake': () => 'Описание отчётов HID не похоже на настоящее.',
  'scanner.badHexLine': (p: MessageParams) => `Строка ${num(p, 'line')} файла не похожа на отчёт HID: нужны байты в hex, по одному отчёту в строке.`,
  'scanner.noReports': () => 'В файле нет ни одного отчёта: нужны строки hex, как печатает scanners --listen --raw.',
  'scanner.noFullScan': () => 'В записи нет ни одного полного скана. Запишите отчёты заново: scanners --listen --raw.',
  'scanner.dumpTooLarge': (p: MessageParams) => `Файл ${str(p, 'file')} слишком большой для записи отчётов сканера.`,
  'scanner.dumpUnreadable': (p: MessageParams) =>
    `Файл ${str(p, 'file')} ${p['why'] === 'missing' ? 'не найден' : p['why'] === 'folder' ? 'это папка' : 'не читается'}. Укажите файл с записью отчётов сканера.`,
  'scanner.usbListFailed': (p: MessageParams) => `Не удалось получить список устройств USB (${str(p, 'detail')}).`,
  'localApi.tokenOpen': (p: MessageParams) =>
    `Файл токена локального API ${str(p, 'file')} не удалось закрыть от других пользователей компьютера. Закройте к нему доступ вручную (права только для этого пользователя).`,
  'localApi.settingsNotSaved': (p: MessageParams) =>
    `Настройки локального API не сохранены в папке ${str(p, 'dir')}. Проверьте место на диске и права на папку.`,
  'localApi.tokenNotSaved': (p: MessageParams) => `Новый токен не записан в папку ${str(p, 'dir')}. Проверьте права на папку.`,
  'localApi.notRunning': () => 'Локальный API не запущен.',
  'localApi.notJsonType': () => 'Тело запроса должно быть JSON: укажите заголовок Content-Type: application/json.',
  'localApi.bodyTooLarge': (p: MessageParams) => `Тело запроса больше ${num(p, 'kib')} КиБ.`,
  'localApi.bodyNotJson': () => 'Тело запроса — не JSON. Пример: {"qr": "…", "purchase": "1234.50"}.',
  'localApi.badRequest': (p: MessageParams) =>
    `Неверный ${p['field'] === undefined ? 'запрос' : `поле ${str(p, 'field')}`}${p['extra'] === undefined ? '' : `: лишние поля ${str(p, 'extra')}`}. Описание запросов: GET /v1/openapi.json.`,
  'localApi.badHost': (p: MessageParams) =>
    `Запрос отклонён: адрес (Host) должен быть 127.0.0.1:${num(p, 'port')}, [::1]:${num(p, 'port')} или localhost:${num(p, 'port')}.`,
  'localApi.browserOrigin': () => 'Запрос отклонён: запросы из браузерных страниц (с заголовком Origin) к кассе не допускаются.',
  'localApi.tokenNeeded': () => 'Нужен токен: заголовок Authorization: Bearer <токен>. Токен — в настройках кассы, раздел «Локальный API».',
  'localApi.noRoute': (p: MessageParams) => `Нет такого адреса ${str(p, 'path')}. Описание: GET /v1/openapi.json.`,
  'localApi.badMethod': (p: MessageParams) => `Метод ${str(p, 'method')} для ${str(p, 'path')} не поддерживается.`,
  'localApi.purchaseDecimals': () => 'Сумма покупки: не больше двух цифр после точки (копейки).',
  'localApi.apiOff': (p: MessageParams) =>
    `Программа кассы работает (процесс ${num(p, 'pid')}), а её локальный API выключен: операция не отправлена. Попросите менеджера включить «Локальный API» в настройках кассы или проведите операцию на кассе.`,
  'localApi.tokenUnreadable': (p: MessageParams) =>
    `Программа кассы работает, но файл токена ${str(p, 'file')} не прочитан: операция не отправлена. Проверьте права на папку.`,
  'localApi.lostOperation': () =>
    'Программа кассы не ответила: неизвестно, прошла ли операция. Не повторяйте — проверьте журнал (skidkabot-kassa journal) или позовите менеджера.',
  'localApi.noAnswer': () => 'Программа кассы не ответила. Повторите через минуту.',
  'localApi.unexplained': () => 'Программа кассы отказала без объяснения.',
  'internal.unexpected': (p: MessageParams) => `Непредвиденная ошибка программы кассы: ${str(p, 'detail')}.${p['support'] === undefined ? '' : ' Сообщите в поддержку.'}`,
  'update.notAFeed': () =>
    'По адресу ленты нет ленты обновлений: файл latest.yml не читается (возможно, это веб-страница). Проверьте адрес ленты.',
  'update.noChannelFile': () => 'В ленте обновлений нет файла latest.yml для этой системы. Проверьте адрес ленты и что версия выложена.',
  'update.checksum': () =>
    'Скачанное обновление не совпало с контрольной суммой (sha512) из ленты и отброшено. Файл в ленте повреждён или подменён.',
  'update.fileMissing': () => 'Файл обновления, указанный в ленте, не найден на сервере (404). Ленту нужно выложить заново.',
  'update.serverError': () => 'Сервер ленты обновлений ответил ошибкой. Повторите позже.',
  'update.offline': () => 'Лента обновлений недоступна: нет связи с её сервером. Проверьте интернет на кассе; проверка повторится сама.',
  'update.feedNotSaved': () =>
    'Адрес ленты обновлений не сохранён: не удалось записать файл. Повторите; если не проходит — проверьте место на диске.',
  'update.urlTooLong': (p: MessageParams) =>
    `Адрес ленты обновлений слишком длинный: не больше ${num(p, 'max')} ${pluralRu(num(p, 'max'), 'символа', 'символов', 'символов')}.`,
  'update.urlBad': () => 'Адрес ленты обновлений неверен: нужен адрес вида https://updates.example.ru/kassa/',
  'update.urlCredentials': () => 'В адресе ленты обновлений не должно быть логина и пароля.',
  'update.urlQuery': () => 'Адрес ленты обновлений — это папка, без «?» и «#»: например https://updates.example.ru/kassa/',
  'update.urlPlainHttp': () =>
    'Лента обновлений должна быть по https://. Адрес http:// допустим только для этого компьютера (127.0.0.1, localhost).',
  'update.urlScheme': () => 'Лента обновлений должна быть по https://.',
  'update.upToDate': () => 'Установлена последняя версия.',
  'update.waiting': (p: MessageParams) => `Версия ${str(p, 'version')} скачана и ждёт установки.`,
  'update.found': (p: MessageParams) => `Найдена версия ${str(p, 'version')}, скачивается.`,
  'update.verified': (p: MessageParams) => `Версия ${str(p, 'version')} скачана и проверена, ждёт установки.`,
  'update.installing': () => 'Обновление устанавливается.',
  'update.nothingDownloaded': () => 'Нет скачанного обновления.',
  'update.operationRunning': () => 'Идёт операция с бонусами: дождитесь её окончания.',
  'update.customerOpen': () => 'На кассе открыт покупатель: завершите или очистите покупку.',
  'update.willInstall': (p: MessageParams) => `Версия ${str(p, 'version')} будет установлена, программа перезапустится.`,
  'update.manualOnly': () => 'Эта сборка не обновляет себя сама: установите новую версию вручную.',
  'update.noSelfCheck': () => 'Эта сборка не проверяет обновления сама.',
  'cli.unknownOption': (p: MessageParams) => `Неизвестный параметр ${str(p, 'option')}.${helpRu(p)}`,
  'cli.optionTwice': (p: MessageParams) => `Параметр ${str(p, 'option')} указан дважды.${helpRu(p)}`,
  'cli.optionNoValue': (p: MessageParams) => `Параметр ${str(p, 'option')} не принимает значения.${helpRu(p)}`,
  'cli.optionNeedsValue': (p: MessageParams) =>
    `У параметра ${str(p, 'option')} нет значения. Значение, начинающееся с «-», пишите так: ${str(p, 'option')}=<значение>.${helpRu(p)}`,
  'cli.extraArgument': (p: MessageParams) =>
    `Лишний аргумент «${str(p, 'value')}»${p['quote'] === undefined ? '.' : ': заключите текст в кавычки.'}${helpRu(p)}`,
  'cli.unknownCommand': (p: MessageParams) => `Неизвестная команда «${str(p, 'name')}».${helpRu(p)}`,
  'cli.bonusesMissing': (p: MessageParams) => `Укажите число бонусов: ${str(p, 'option')} <N>, целое число от 1.`,
  'cli.bonusesBad': (p: MessageParams) => `${str(p, 'option')}: нужно целое число бонусов от 1, а указано «${str(p, 'value')}». Исправьте и повторите.`,
  'cli.qrMissing': () => "Укажите скан QR-кода покупателя: --qr '<текст скана>'.",
  'cli.purchaseMissing': () => 'Укажите сумму покупки: --purchase <рубли>, например --purchase 1234,50.',
  'cli.port': () => '--port: нужен номер порта от 0 до 65535 (0 — любой свободный).',
  'cli.portBusy': (p: MessageParams) => `Порт ${num(p, 'port')} занят: укажите другой --port или не указывайте его.`,
  'cli.simulatorFailed': () => 'Тренажёр не запустился: порт недоступен.',
  'cli.decodeDumpAndText': () => 'С --hid-dump не указывайте текст скана и --stdin.',
  'cli.decodeTextAndStdin': () => 'Укажите текст скана или --stdin, но не то и другое вместе.',
  'cli.decodeNothing': () => "Укажите текст скана в кавычках: decode '<текст>' — или --stdin.",
  'cli.listenOnly': () => '--raw и --grab работают только вместе с --listen.',
  'cli.grabLinux': () => '--grab нужен только в Linux.',
  'cli.journalAction': (p: MessageParams) => `Неизвестное действие «${str(p, 'word')}». Можно: report, export или ничего (список).`,
  'cli.wholeFrom': (p: MessageParams) => `${str(p, 'option')}: нужно целое число от ${num(p, 'min')}. Исправьте и повторите.`,
  'cli.day': () => '--day: дата нужна в виде ГГГГ-ММ-ДД, например 2025-03-14.',
  'cli.kind': () => '--kind: accrue (начисления) или redeem (списания).',
  'cli.outMissing': () => 'Укажите файл для выгрузки: --out <файл>.csv',
  'cli.noCommand': (p: MessageParams) => `Не указана команда.${helpRu(p)}`,
  'cli.duplicate': (p: MessageParams) =>
    `${p['kind'] === 'redeem' ? 'Списание' : 'Начисление'} ${num(p, 'bonuses')} ${pluralRu(num(p, 'bonuses'), 'бонус', 'бонуса', 'бонусов')} этому покупателю уже было в ${str(p, 'time')}: операция не отправлена. Если это новая покупка, повторите с --confirm-duplicate (в API — "confirmDuplicate": true).`,
  'ipc.unknownRequest': () => 'Неизвестный запрос к кассе. Перезапустите программу.',
  'ipc.foreignSender': () => 'Запрос пришёл не из окна кассы и отклонён.',
  'ipc.badData': (p: MessageParams) => `Неверные данные${p['field'] === undefined ? '' : ` в поле «${str(p, 'field')}»`}. Проверьте введённое и повторите.`,
  'ipc.internal': () => 'Внутренняя ошибка кассы. Повторите; если не помогает, перезапустите программу.',
  'cli.devServerUrl': (p: MessageParams) => `Переменная VITE_DEV_SERVER_URL должна быть адресом сервера Vite (сейчас «${str(p, 'value')}»).`,
} satisfies Record<string, (p: MessageParams) => string>;

export const toolEn: Record<keyof typeof toolRu, (p: MessageParams) => string> = {
  'scanner.gone': () => 'This scanner is no longer in the list. Refresh the list and choose again.',
  'scanDrop.deviceLost': () => 'The scanner disconnected while reading. Connect it and scan the code again.',
  'scanDrop.deviceError': () => 'The scanner failed while reading. Scan the code again.',
  'scanDrop.incomplete': () => 'The code was read only in part. Scan it again.',
  'scanDrop.malformed': () => 'The scanner sent damaged data. Scan the code again.',
  'scanDrop.tooLong': () => "This is not a Skidkabot QR code: it is too long. Scan the customer's QR code.",
  'scanner.cannotRedirect': () => `This scanner cannot be switched from here. ${HID_POS_EN}`,
  'scanner.commandRefused': (p) => `The scanner did not accept the command (${str(p, 'detail')}). ${HID_POS_EN}`,
  'scanner.descriptorTorn': () => 'The HID report description is cut short.',
  'scanner.descriptorFake': () => 'The HID report description does not look real.',
  'scanner.badHexLine': (p) => `Line ${num(p, 'line')} of the file does not look like a HID report: bytes in hex are needed, one report per line.`,
  'scanner.noReports': () => 'The file holds no reports: hex lines are needed, as scanners --listen --raw prints them.',
  'scanner.noFullScan': () => 'The recording holds no complete scan. Record the reports again: scanners --listen --raw.',
  'scanner.dumpTooLarge': (p) => `File ${str(p, 'file')} is too large for a recording of scanner reports.`,
  'scanner.dumpUnreadable': (p) =>
    `File ${str(p, 'file')} ${p['why'] === 'missing' ? 'was not found' : p['why'] === 'folder' ? 'is a folder' : 'cannot be read'}. Give a file with a recording of scanner reports.`,
  'scanner.usbListFailed': (p) => `Could not get the list of USB devices (${str(p, 'detail')}).`,
  'localApi.tokenOpen': (p) =>
    `The local API token file ${str(p, 'file')} could not be closed to other users of this computer. Restrict it by hand (rights for this user only).`,
  'localApi.settingsNotSaved': (p) => `The local API settings were not saved in ${str(p, 'dir')}. Check the free disk space and the rights to the folder.`,
  'localApi.tokenNotSaved': (p) => `The new token was not written to ${str(p, 'dir')}. Check the rights to the folder.`,
  'localApi.notRunning': () => 'The local API is not running.',
  'localApi.notJsonType': () => 'The request body must be JSON: send the header Content-Type: application/json.',
  'localApi.bodyTooLarge': (p) => `The request body is over ${num(p, 'kib')} KiB.`,
  'localApi.bodyNotJson': () => 'The request body is not JSON. Example: {"qr": "…", "purchase": "1234.50"}.',
  'localApi.badRequest': (p) =>
    `Wrong ${p['field'] === undefined ? 'request' : `field ${str(p, 'field')}`}${p['extra'] === undefined ? '' : `: extra fields ${str(p, 'extra')}`}. Request description: GET /v1/openapi.json.`,
  'localApi.badHost': (p) => `Request refused: the address (Host) must be 127.0.0.1:${num(p, 'port')}, [::1]:${num(p, 'port')} or localhost:${num(p, 'port')}.`,
  'localApi.browserOrigin': () => 'Request refused: requests from browser pages (with an Origin header) are not allowed to the till.',
  'localApi.tokenNeeded': () => 'A token is needed: the header Authorization: Bearer <token>. The token is in the till settings, section "Local API".',
  'localApi.noRoute': (p) => `No such address ${str(p, 'path')}. Description: GET /v1/openapi.json.`,
  'localApi.badMethod': (p) => `Method ${str(p, 'method')} is not supported for ${str(p, 'path')}.`,
  'localApi.purchaseDecimals': () => 'Purchase total: at most two digits after the point (kopecks).',
  'localApi.apiOff': (p) =>
    `The till program is running (process ${num(p, 'pid')}), but its local API is off: the operation was not sent. Ask the manager to turn on "Local API" in the till settings, or make the operation at the till.`,
  'localApi.tokenUnreadable': (p) =>
    `The till program is running, but the token file ${str(p, 'file')} could not be read: the operation was not sent. Check the rights to the folder.`,
  'localApi.lostOperation': () =>
    'The till program did not answer: unknown whether the operation went through. Do not repeat it: check the journal (skidkabot-kassa journal) or call the manager.',
  'localApi.noAnswer': () => 'The till program did not answer. Try again in a minute.',
  'localApi.unexplained': () => 'The till program refused without an explanation.',
  'internal.unexpected': (p) => `Unexpected error in the till program: ${str(p, 'detail')}.${p['support'] === undefined ? '' : ' Report it to support.'}`,
  'update.notAFeed': () => 'There is no update feed at this address: latest.yml cannot be read (it may be a web page). Check the feed address.',
  'update.noChannelFile': () => 'The update feed has no latest.yml for this system. Check the feed address and that the version is published.',
  'update.checksum': () => "The downloaded update did not match the feed's checksum (sha512) and was discarded. The file in the feed is damaged or replaced.",
  'update.fileMissing': () => 'The update file named in the feed is not on the server (404). The feed must be published again.',
  'update.serverError': () => 'The update feed server answered with an error. Try again later.',
  'update.offline': () => "The update feed is unavailable: no connection to its server. Check the till's internet; the check will repeat by itself.",
  'update.feedNotSaved': () => 'The update feed address was not saved: the file could not be written. Try again; if it still fails, check the free disk space.',
  'update.urlTooLong': (p) => `The update feed address is too long: at most ${num(p, 'max')} ${pluralEn(num(p, 'max'), 'character', 'characters')}.`,
  'update.urlBad': () => 'The update feed address is wrong: it must look like https://updates.example.ru/kassa/',
  'update.urlCredentials': () => 'The update feed address must not hold a login and password.',
  'update.urlQuery': () => 'The update feed address is a folder, without "?" and "#": e.g. https://updates.example.ru/kassa/',
  'update.urlPlainHttp': () => 'The update feed must be on https://. An http:// address is allowed only for this computer (127.0.0.1, localhost).',
  'update.urlScheme': () => 'The update feed must be on https://.',
  'update.upToDate': () => 'The latest version is installed.',
  'update.waiting': (p) => `Version ${str(p, 'version')} is downloaded and waits to be installed.`,
  'update.found': (p) => `Version ${str(p, 'version')} found, downloading.`,
  'update.verified': (p) => `Version ${str(p, 'version')} is downloaded and verified, waiting to be installed.`,
  'update.installing': () => 'The update is being installed.',
  'update.nothingDownloaded': () => 'No update has been downloaded.',
  'update.operationRunning': () => 'A bonus operation is running: wait for it to finish.',
  'update.customerOpen': () => 'A customer is open at the till: finish or clear the purchase.',
  'update.willInstall': (p) => `Version ${str(p, 'version')} will be installed; the program will restart.`,
  'update.manualOnly': () => 'This build does not update itself: install the new version by hand.',
  'update.noSelfCheck': () => 'This build does not check for updates itself.',
  'cli.unknownOption': (p) => `Unknown option ${str(p, 'option')}.${helpEn(p)}`,
  'cli.optionTwice': (p) => `Option ${str(p, 'option')} is given twice.${helpEn(p)}`,
  'cli.optionNoValue': (p) => `Option ${str(p, 'option')} takes no value.${helpEn(p)}`,
  'cli.optionNeedsValue': (p) =>
    `Option ${str(p, 'option')} has no value. Write a value starting with "-" like this: ${str(p, 'option')}=<value>.${helpEn(p)}`,
  'cli.extraArgument': (p) => `Extra argument "${str(p, 'value')}"${p['quote'] === undefined ? '.' : ': put the text in quotes.'}${helpEn(p)}`,
  'cli.unknownCommand': (p) => `Unknown command "${str(p, 'name')}".${helpEn(p)}`,
  'cli.bonusesMissing': (p) => `Give the number of bonuses: ${str(p, 'option')} <N>, a whole number from 1.`,
  'cli.bonusesBad': (p) => `${str(p, 'option')}: a whole number of bonuses from 1 is needed, but "${str(p, 'value')}" was given. Correct it and try again.`,
  'cli.qrMissing': () => "Give the customer's QR scan: --qr '<scanned text>'.",
  'cli.purchaseMissing': () => 'Give the purchase total: --purchase <roubles>, e.g. --purchase 1234.50.',
  'cli.port': () => '--port: a port number from 0 to 65535 is needed (0 means any free one).',
  'cli.portBusy': (p) => `Port ${num(p, 'port')} is taken: give another --port or leave it out.`,
  'cli.simulatorFailed': () => 'The simulator did not start: the port is unavailable.',
  'cli.decodeDumpAndText': () => 'With --hid-dump give neither scan text nor --stdin.',
  'cli.decodeTextAndStdin': () => 'Give the scan text or --stdin, not both.',
  'cli.decodeNothing': () => "Give the scan text in quotes: decode '<text>', or --stdin.",
  'cli.listenOnly': () => '--raw and --grab work only together with --listen.',
  'cli.grabLinux': () => '--grab is needed on Linux only.',
  'cli.journalAction': (p) => `Unknown action "${str(p, 'word')}". Possible: report, export or nothing (the list).`,
  'cli.wholeFrom': (p) => `${str(p, 'option')}: a whole number from ${num(p, 'min')} is needed. Correct it and try again.`,
  'cli.day': () => '--day: the date is needed as YYYY-MM-DD, e.g. 2025-03-14.',
  'cli.kind': () => '--kind: accrue (accruals) or redeem (redemptions).',
  'cli.outMissing': () => 'Give the file to export to: --out <file>.csv',
  'cli.noCommand': (p) => `No command given.${helpEn(p)}`,
  'cli.duplicate': (p) =>
    `${p['kind'] === 'redeem' ? 'A redemption' : 'An accrual'} of ${num(p, 'bonuses')} ${pluralEn(num(p, 'bonuses'), 'bonus', 'bonuses')} was already made for this customer at ${str(p, 'time')}: the operation was not sent. If this is a new purchase, repeat with --confirm-duplicate (in the API, "confirmDuplicate": true).`,
  'ipc.unknownRequest': () => 'Unknown request to the till. Restart the program.',
  'ipc.foreignSender': () => 'The request did not come from the till window and was refused.',
  'ipc.badData': (p) => `Wrong data${p['field'] === undefined ? '' : ` in the field "${str(p, 'field')}"`}. Check what was entered and try again.`,
  'ipc.internal': () => 'Internal till error. Try again; if it does not help, restart the program.',
  'cli.devServerUrl': (p) => `The VITE_DEV_SERVER_URL variable must be the Vite server address (now "${str(p, 'value')}").`,
};
