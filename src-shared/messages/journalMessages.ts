import { bonusCount, pluralEn } from '../format/plural';
import type { MessageParams } from './messageTypes';

const num = (p: MessageParams, name: string): number => Number(p[name] ?? 0);
const str = (p: MessageParams, name: string): string => String(p[name] ?? '');
const bonusesEn = (n: number): string => `${n} ${pluralEn(n, 'bonus', 'bonuses')}`;

/**
 * Why the disk refused, as a word main sends (`cause`, with `errno` for an unusual one), so each
 * language says it its own way and a cashier can act on it.
 */
export type DiskCause = 'unreadable' | 'full' | 'noAccess' | 'readOnly' | 'noFolder' | 'io';

const DISK_RU: Readonly<Record<string, string>> = {
  unreadable: 'запись не прошла проверку журнала: позовите администратора',
  full: 'диск заполнен: освободите место',
  noAccess: 'нет права записи в папку журнала: позовите администратора',
  readOnly: 'диск только для чтения: позовите администратора',
  noFolder: 'папка журнала недоступна: позовите администратора',
  io: 'ошибка диска: позовите администратора',
};
const DISK_EN: Readonly<Record<string, string>> = {
  unreadable: 'the record failed the journal check: call the administrator',
  full: 'the disk is full: free some space',
  noAccess: 'no right to write to the journal folder: call the administrator',
  readOnly: 'the disk is read-only: call the administrator',
  noFolder: 'the journal folder is unavailable: call the administrator',
  io: 'disk error: call the administrator',
};
const diskRu = (p: MessageParams): string =>
  DISK_RU[str(p, 'cause')] ?? (p['errno'] === undefined ? DISK_RU['io'] ?? '' : `ошибка диска ${str(p, 'errno')}: позовите администратора`);
const diskEn = (p: MessageParams): string =>
  DISK_EN[str(p, 'cause')] ?? (p['errno'] === undefined ? DISK_EN['io'] ?? '' : `disk error ${str(p, 'errno')}: call the administrator`);

/** Which later record could not be written (`what`), for journal.recordNotWritten. */
const RECORD_RU: Readonly<Record<string, (p: MessageParams) => string>> = {
  folder: () => 'Папка журнала операций недоступна, операции не будут отправляться',
  index: () => 'Служебный файл журнала не обновлён',
  outcome: () => 'Итог операции не записан в журнал',
  resolution: () => 'Решение по операции не записано в журнал',
  tornTail: (p) => `Оборванная запись журнала за ${str(p, 'month')} не убрана, запись в журнал невозможна`,
};
const RECORD_EN: Readonly<Record<string, (p: MessageParams) => string>> = {
  folder: () => 'The operations journal folder is unavailable; operations will not be sent',
  index: () => "The journal's index file was not updated",
  outcome: () => 'The outcome of the operation was not written to the journal',
  resolution: () => 'The decision on the operation was not written to the journal',
  tornTail: (p) => `The torn record of the journal for ${str(p, 'month')} was not removed; the journal cannot be written`,
};

/** Who holds the journal's writer lock (`holder`: app, cli or new, with `pid`). */
const holderRu = (p: MessageParams): string =>
  p['holder'] === 'new'
    ? 'другая программа (она только что начала запись)'
    : p['holder'] === 'app'
      ? `программа кассы (процесс ${num(p, 'pid')})`
      : `команда skidkabot-kassa в терминале (процесс ${num(p, 'pid')})`;
const holderEn = (p: MessageParams): string =>
  p['holder'] === 'new'
    ? 'another program (it has just started writing)'
    : p['holder'] === 'app'
      ? `the till program (process ${num(p, 'pid')})`
      : `the skidkabot-kassa command in a terminal (process ${num(p, 'pid')})`;

const KIND_RU: Readonly<Record<string, string>> = { accrue: 'начисление', redeem: 'списание' };
const KIND_EN: Readonly<Record<string, string>> = { accrue: 'accrual', redeem: 'redemption' };
const QR_STALE_RU = 'QR-код покупателя устарел: он действует сутки. Попросите покупателя открыть бот, показать новый QR-код, и отсканируйте его.';
const QR_STALE_EN = "The customer's QR code has expired: it is valid for a day. Ask the customer to open the bot and show a new QR code, then scan it.";

/** The journal, its disk, its writer lock and the operations it guards. */
export const journalRu = {
  'journal.intentNotWritten': (p: MessageParams) => `Журнал операций не записан, операция НЕ отправлена (${diskRu(p)}). Затем повторите.`,
  'journal.recordNotWritten': (p: MessageParams) => `${(RECORD_RU[str(p, 'what')] ?? RECORD_RU['outcome'])?.(p) ?? ''} (${diskRu(p)}).`,
  'journal.readFailed': (p: MessageParams) => `Не удалось прочитать журнал ${str(p, 'file')} (${diskRu(p)}).`,
  'journal.lockNotWritten': (p: MessageParams) =>
    `Журнал операций в папке ${str(p, 'dir')} не открыт для записи (${diskRu(p)}): ${p['sending'] === 'operation' ? 'операция не отправлена' : 'операции не отправляются'}.`,
  'journal.heldByOther': (p: MessageParams) =>
    `Журнал операций сейчас ведёт ${holderRu(p)}. Пока она не закончит, касса не отправляет операции: дождитесь её или закройте и повторите.`,
  'journal.heldByOtherCli': (p: MessageParams) =>
    `Журнал операций сейчас ведёт ${holderRu(p)}: операция не отправлена. Проведите её на кассе или закройте программу кассы и повторите.`,
  'journal.readOnly': () => 'Журнал открыт только для чтения: операции из этого окна не проводятся.',
  'journal.readOnlyRestart': () => 'Журнал операций открыт только для чтения. Перезапустите программу кассы.',
  'journal.readOnlyPlain': () => 'Журнал операций открыт только для чтения.',
  'journal.unresolvedCount': (p: MessageParams) =>
    `Неразрешённых операций в журнале: ${num(p, 'count')}. Менеджеру: откройте журнал и проверьте каждую.`,
  'journal.tornTailHidden': (p: MessageParams) =>
    `Журнал за ${str(p, 'month')}: последняя строка не завершена (её пишут прямо сейчас или был сбой); она не показана.`,
  'journal.tornTailKept': (p: MessageParams) =>
    `Журнал за ${str(p, 'month')}: последняя запись оборвана (сбой питания или аварийное завершение). Обрывок сохранён в ${str(p, 'name')}; менеджеру: проверьте неразрешённые операции.`,
  'journal.badLines': (p: MessageParams) =>
    `Журнал за ${str(p, 'month')}: пропущено повреждённых строк ${num(p, 'count')} (строки ${str(p, 'lines')}). Файл не изменён: покажите его администратору.`,
  'journal.orphans': (p: MessageParams) => `Журнал за ${str(p, 'month')}: записей без исходной операции ${num(p, 'count')}; они пропущены.`,
  'journal.qrSecretsLost': () =>
    'Файл QR-кодов для отмены операций повреждён. Чтобы отменить сегодняшнюю операцию, попросите у покупателя новый QR-код.',
  'journal.exportFailed': (p: MessageParams) =>
    `Файл ${str(p, 'file')} не записан (${
      { full: 'диск заполнен', noAccess: 'нет права записи', noFolder: 'такой папки нет' }[str(p, 'cause')] ?? `ошибка ${str(p, 'errno') || 'записи'}`
    }). Выберите другое место и повторите.`,
  'journal.reasonNeeded': () => 'Напишите причину отмены.',
  'journal.reasonShort': () => 'Напишите причину: хотя бы несколько слов.',
  'journal.reasonLong': () => 'Причина слишком длинная: не больше 500 знаков.',
  'journal.notFound': () => 'Операция не найдена в журнале.',
  'journal.cancelTargetMissing': () => 'Отменяемая операция не найдена в журнале.',
  'journal.outcomeTargetMissing': (p: MessageParams) => `Операция ${str(p, 'id')} не найдена в журнале: итог не записан.`,
  'journal.outcomeAlreadyWritten': (p: MessageParams) => `Итог операции ${str(p, 'id')} уже записан.`,
  'journal.stillRunning': () => 'Операция ещё выполняется: дождитесь её итога.',
  'journal.alreadyResolved': () => 'Операция уже завершена: решать по ней нечего.',
  'journal.nothingToCheck': () => 'Операция уже завершена: проверять нечего.',
  'journal.badId': () => 'Неверный номер операции.',
  'journal.badDay': () => 'Дата должна быть в виде ГГГГ-ММ-ДД.',
  'journal.badMonth': () => 'Месяц должен быть в виде ГГГГ-ММ.',
  'journal.badField': (p: MessageParams) => `Неверное значение поля ${str(p, 'field') || 'операции'}.`,
  'journal.notRecorded': (p: MessageParams) => `Операция не записана: неверное значение поля ${str(p, 'field') || 'операции'}.`,
  'journal.blockedByUnknown': (p: MessageParams) =>
    `У этого покупателя есть ${KIND_RU[str(p, 'kind')] ?? ''} ${bonusCount(num(p, 'bonuses'))} от ${str(p, 'time')} с неизвестным итогом. Не повторяйте: позовите менеджера, он проверит её в журнале.`,
  'journal.duplicate': (p: MessageParams) =>
    `${p['kind'] === 'redeem' ? 'Списание' : 'Начисление'} ${bonusCount(num(p, 'bonuses'))} этому покупателю уже было в ${str(p, 'time')}. Провести ещё раз?`,
  'journal.otherCustomerQr': () => 'Это QR-код другого покупателя. Отсканируйте код того, чья это операция.',
  'journal.qrStale': () => QR_STALE_RU,
  'journal.programFault': () => 'Неизвестно, прошла ли операция: программа кассы сбилась. Не повторяйте — позовите менеджера.',
  'journal.freshQrMissing': () => 'Новый QR-код покупателя ещё не отсканирован. Попросите покупателя показать код в боте и отсканируйте его.',
  'reversal.ofReversal': () => 'Это уже отмена другой операции, её не отменяют. Если нужно, проведите обычную операцию на кассе.',
  'reversal.unresolved': () => 'Итог этой операции неизвестен. Сначала проверьте её или отметьте, прошла ли она, а потом отменяйте.',
  'reversal.notApplied': () => 'Операция не была проведена: отменять нечего.',
  'reversal.done': () => 'Операция уже отменена.',
  'reversal.pending': () => 'Отмена этой операции уже была, но её итог неизвестен. Сначала решите её в списке неразрешённых.',
  'reversal.otherCustomer': () => 'Это QR-код другого покупателя. Отсканируйте код того, чью операцию отменяете.',
  'reversal.spent': (p: MessageParams) =>
    `Отменить начисление нельзя: на счёте покупателя ${bonusCount(num(p, 'balance'))}, а забрать нужно ${num(p, 'bonuses')} — часть он уже потратил.`,
} satisfies Record<string, (p: MessageParams) => string>;

export const journalEn: Record<keyof typeof journalRu, (p: MessageParams) => string> = {
  'journal.intentNotWritten': (p) => `The operations journal was not written, the operation was NOT sent (${diskEn(p)}). Then try again.`,
  'journal.recordNotWritten': (p) => `${(RECORD_EN[str(p, 'what')] ?? RECORD_EN['outcome'])?.(p) ?? ''} (${diskEn(p)}).`,
  'journal.readFailed': (p) => `Could not read the journal ${str(p, 'file')} (${diskEn(p)}).`,
  'journal.lockNotWritten': (p) =>
    `The operations journal in ${str(p, 'dir')} is not open for writing (${diskEn(p)}): ${p['sending'] === 'operation' ? 'the operation was not sent' : 'operations are not being sent'}.`,
  'journal.heldByOther': (p) =>
    `The operations journal is being kept by ${holderEn(p)}. Until it finishes, the till sends no operations: wait for it, or close it and try again.`,
  'journal.heldByOtherCli': (p) =>
    `The operations journal is being kept by ${holderEn(p)}: the operation was not sent. Make it at the till, or close the till program and try again.`,
  'journal.readOnly': () => 'The journal is open read-only: no operations are made from this window.',
  'journal.readOnlyRestart': () => 'The operations journal is open read-only. Restart the till program.',
  'journal.readOnlyPlain': () => 'The operations journal is open read-only.',
  'journal.unresolvedCount': (p) =>
    `${pluralEn(num(p, 'count'), 'Unresolved operation', 'Unresolved operations')} in the journal: ${num(p, 'count')}. Manager: open the journal and check each one.`,
  'journal.tornTailHidden': (p) =>
    `Journal for ${str(p, 'month')}: the last line is unfinished (it is being written right now, or there was a failure); it is not shown.`,
  'journal.tornTailKept': (p) =>
    `Journal for ${str(p, 'month')}: the last record is torn (power failure or crash). The fragment is saved in ${str(p, 'name')}; manager: check the unresolved operations.`,
  'journal.badLines': (p) =>
    `Journal for ${str(p, 'month')}: ${num(p, 'count')} damaged ${pluralEn(num(p, 'count'), 'line', 'lines')} skipped (${pluralEn(num(p, 'count'), 'line', 'lines')} ${str(p, 'lines')}). The file is unchanged: show it to the administrator.`,
  'journal.orphans': (p) =>
    `Journal for ${str(p, 'month')}: ${num(p, 'count')} ${pluralEn(num(p, 'count'), 'record', 'records')} without the original operation; skipped.`,
  'journal.qrSecretsLost': () =>
    "The file of QR codes for cancelling operations is damaged. To cancel today's operation, ask the customer for a new QR code.",
  'journal.exportFailed': (p) =>
    `File ${str(p, 'file')} was not written (${
      { full: 'the disk is full', noAccess: 'no right to write', noFolder: 'no such folder' }[str(p, 'cause')] ?? `error ${str(p, 'errno') || 'writing'}`
    }). Choose another place and try again.`,
  'journal.reasonNeeded': () => 'Write the reason for the cancellation.',
  'journal.reasonShort': () => 'Write the reason: at least a few words.',
  'journal.reasonLong': () => 'The reason is too long: at most 500 characters.',
  'journal.notFound': () => 'The operation is not in the journal.',
  'journal.cancelTargetMissing': () => 'The operation to cancel is not in the journal.',
  'journal.outcomeTargetMissing': (p) => `Operation ${str(p, 'id')} is not in the journal: the outcome was not written.`,
  'journal.outcomeAlreadyWritten': (p) => `The outcome of operation ${str(p, 'id')} is already written.`,
  'journal.stillRunning': () => 'The operation is still running: wait for its outcome.',
  'journal.alreadyResolved': () => 'The operation is already finished: there is nothing to decide.',
  'journal.nothingToCheck': () => 'The operation is already finished: there is nothing to check.',
  'journal.badId': () => 'Wrong operation number.',
  'journal.badDay': () => 'The date must be written as YYYY-MM-DD.',
  'journal.badMonth': () => 'The month must be written as YYYY-MM.',
  'journal.badField': (p) => `Wrong value of ${str(p, 'field') ? `the field ${str(p, 'field')}` : 'the operation'}.`,
  'journal.notRecorded': (p) => `The operation was not recorded: wrong value of ${str(p, 'field') ? `the field ${str(p, 'field')}` : 'the operation'}.`,
  'journal.blockedByUnknown': (p) =>
    `This customer has ${KIND_EN[str(p, 'kind')] === 'accrual' ? 'an accrual' : 'a redemption'} of ${bonusesEn(num(p, 'bonuses'))} at ${str(p, 'time')} with an unknown outcome. Do not repeat it: call the manager, who will check it in the journal.`,
  'journal.duplicate': (p) =>
    `${p['kind'] === 'redeem' ? 'A redemption' : 'An accrual'} of ${bonusesEn(num(p, 'bonuses'))} was already made for this customer at ${str(p, 'time')}. Make it again?`,
  'journal.otherCustomerQr': () => "This is another customer's QR code. Scan the code of the customer whose operation this is.",
  'journal.qrStale': () => QR_STALE_EN,
  'journal.programFault': () => 'Unknown whether the operation went through: the till program failed. Do not repeat it: call the manager.',
  'journal.freshQrMissing': () => "The customer's new QR code has not been scanned yet. Ask the customer to show the code in the bot and scan it.",
  'reversal.ofReversal': () => 'This is already a cancellation of another operation; it cannot be cancelled. If needed, make an ordinary operation at the till.',
  'reversal.unresolved': () => 'The outcome of this operation is unknown. First check it or mark whether it went through, then cancel.',
  'reversal.notApplied': () => 'The operation was not made: there is nothing to cancel.',
  'reversal.done': () => 'The operation is already cancelled.',
  'reversal.pending': () => 'This operation was already cancelled, but the outcome is unknown. First resolve it in the list of unresolved operations.',
  'reversal.otherCustomer': () => "This is another customer's QR code. Scan the code of the customer whose operation you are cancelling.",
  'reversal.spent': (p) =>
    `The accrual cannot be cancelled: the customer has ${bonusesEn(num(p, 'balance'))}, but ${num(p, 'bonuses')} must be taken back; some are already spent.`,
};

