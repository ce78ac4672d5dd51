import { pluralRu } from '../../src-shared/format/plural';
import type { OperationStatus } from '../../src-shared/journal/types';
import { balanceAnomalyNoteRu } from '../../src-shared/skidkabot/anomaly';
import type { BalanceAnomaly, OperationKind } from '../../src-shared/skidkabot/types';
import { formatInteger as int, formatRubles } from './format';

const bonuses = (n: number) => `${int(n, 'ru')} ${pluralRu(n, 'бонус', 'бонуса', 'бонусов')}`;
// A no-break space: «₽» never wraps onto a line of its own.
const rubles = (kopecks: number) => `${formatRubles(kopecks, 'ru')}\u00a0₽`;
const kindWord = (kind: OperationKind) => (kind === 'accrue' ? 'начисление' : 'списание');

/** The journal's words: the manager's journal screen, and the cashier's double-press and blocked notices. */
export const journalRu = {
  tab: 'Журнал',
  settingsTab: 'Настройки',
  /** The scanner and the camera. */
  devicesTab: 'Устройства',
  /** The local API for the POS and the program's updates. */
  programTab: 'Программа',
  views: { operations: 'Операции за день', report: 'Отчёт за смену и часы' },
  title: 'Журнал операций',
  filters: {
    title: 'Показать',
    day: 'День',
    dayPlaceholder: 'ГГГГ-ММ-ДД',
    dayPrevious: 'Предыдущий день',
    dayNext: 'Следующий день',
    today: 'Сегодня',
    badDay: 'Дата в виде ГГГГ-ММ-ДД',
    kassa: 'Касса',
    kassaPlaceholder: 'все',
    customer: 'Покупатель (номер)',
    customerPlaceholder: 'все',
    kind: 'Операции',
    kinds: { all: 'все', accrue: 'начисления', redeem: 'списания' },
    badKassa: 'Номер кассы — целое число от 1',
    badCustomer: 'Номер покупателя — только цифры',
  },
  report: {
    title: (day: string, kassa: number | null) => `Смена ${day} · ${kassa === null ? 'все кассы' : `касса ${kassa}`}`,
    accruals: 'Начислено',
    redemptions: 'Списано',
    purchases: 'Покупок обслужено',
    unresolved: 'Неразрешённых',
    unresolvedNone: 'решать нечего',
    unresolvedSome: 'нужно решение менеджера',
    more: (reversals: number, refused: number) => `Отмен операций: ${int(reversals, 'ru')} · Отказов сервера: ${int(refused, 'ru')}`,
    count: (n: number) => `${int(n, 'ru')} ${pluralRu(n, 'операция', 'операции', 'операций')}`,
    bonuses,
    rubles,
  },
  chart: {
    title: 'По часам: начислено и списано бонусов',
    accrued: 'начислено',
    redeemed: 'списано',
    empty: 'За этот день проведённых операций нет',
    hour: (hour: number) => `${String(hour).padStart(2, '0')}–${String(hour + 1).padStart(2, '0')} ч`,
    bar: (hour: number, accrued: number, redeemed: number) => `${hour}:00 — начислено ${bonuses(accrued)}, списано ${bonuses(redeemed)}`,
  },
  list: {
    title: 'Операции',
    empty: 'Операций с такими условиями нет',
    loading: 'Загружаем журнал…',
    time: 'Время',
    kassa: 'Касса',
    customer: 'Покупатель',
    operation: 'Операция',
    purchase: 'Покупка',
    status: 'Итог',
    kind: (kind: OperationKind): string => (kind === 'accrue' ? 'Начисление' : 'Списание'),
    bonuses,
    rubles,
    statuses: {
      pending: 'Не завершена',
      applied: 'Проведена',
      refused: 'Отказ',
      'not-applied': 'Не проведена',
      unknown: 'Итог неизвестен',
    } satisfies Record<OperationStatus, string>,
    needsDecision: 'требует решения',
    reversed: 'отменена',
    reversedBecause: (time: string, reason: string) => `отменена в ${time}: ${reason}`,
    reversalOf: (time: string) => `отмена операции от ${time}`,
    byManager: 'менеджер',
    balanceAfter: (n: number) => `баланс после: ${int(n, 'ru')}`,
    anomaly: (anomaly: BalanceAnomaly): string => balanceAnomalyNoteRu(anomaly),
    resolution: (reason: string) => `решение менеджера: ${reason}`,
    resolve: 'Решить',
    reverse: 'Отменить',
  },
  unresolved: {
    title: (n: number) => `Требуют решения: ${int(n, 'ru')}`,
    hint: 'Итог этих операций неизвестен: сервер не ответил, а баланс проверить не удалось. Пока операция здесь, такую же этому покупателю касса не проведёт.',
    line: (time: string, kind: OperationKind, n: number, client: number) => `${time} · ${kindWord(kind)} ${bonuses(n)} · покупатель ${client}`,
  },
  export: {
    button: 'Выгрузить в Excel (CSV)',
    running: (done: number, total: number) => `Выгружаем: ${int(done, 'ru')} из ${int(total, 'ru')}`,
    done: (rows: number, file: string) => `Выгружено ${int(rows, 'ru')} ${pluralRu(rows, 'операция', 'операции', 'операций')} в файл ${file}`,
    cancelled: 'Выгрузка отменена: файл не выбран',
  },
  dialog: {
    reason: 'Причина (кто и почему решил)',
    reasonHint: 'Хотя бы несколько слов: причина остаётся в журнале навсегда',
    reasonMissing: 'Напишите причину: хотя бы 3 знака',
    close: 'Закрыть · Esc',
    operation: (time: string, kind: OperationKind, n: number, client: number) =>
      `${time} · ${kindWord(kind)} ${bonuses(n)} · покупатель ${client}`,
    balanceBefore: (n: number) => `Баланс до операции: ${int(n, 'ru')}`,
    balanceSeen: (n: number) => `Баланс при проверке: ${int(n, 'ru')}`,
    freshQrTitle: 'Нужен новый QR-код покупателя',
    freshQrHint: 'Старый код уже не действует. Попросите покупателя открыть бот Скидкабот и показать QR-код, отсканируйте его сканером кассы.',
    freshQrWaiting: 'Ждём скан кода этого покупателя…',
    freshQrOther: (client: number) => `Отсканирован код другого покупателя (${client}). Нужен код покупателя этой операции.`,
    freshQrReady: (client: number) => `Код покупателя ${client} отсканирован ✓`,
  },
  resolve: {
    title: 'Решить операцию с неизвестным итогом',
    hint: 'Сначала проверьте: касса спросит баланс покупателя и сама поймёт, прошла ли операция. Если проверка не даёт ответа, решите сами.',
    recheck: 'Проверить сейчас',
    recheckFresh: 'Проверить по новому коду',
    applied: 'Отметить: прошла',
    notApplied: 'Отметить: не прошла',
    verdict: {
      applied: (balance: number) => `Проверено: баланс ${int(balance, 'ru')} — операция прошла. Записано в журнал.`,
      'not-applied': (balance: number) => `Проверено: баланс ${int(balance, 'ru')} — операция не прошла. Записано в журнал.`,
      undetermined: (balance: number) =>
        `Баланс ${int(balance, 'ru')}: после операции баланс менялся ещё, по нему не понять. Решите сами: «Отметить: прошла» или «Отметить: не прошла».`,
    },
    marked: (applied: boolean): string => (applied ? 'Отмечено: операция прошла.' : 'Отмечено: операция не прошла.'),
  },
  reverse: {
    title: 'Отменить операцию',
    effect: (kind: OperationKind, n: number, client: number) =>
      kind === 'accrue'
        ? `Покупателю ${client} будет начислено ${bonuses(n)} обратно.`
        : `У покупателя ${client} будет списано ${bonuses(n)}.`,
    hint: 'В Скидкабот нет возврата: отмена — это обратная операция, она записывается в журнал отдельно, с вашей причиной.',
    confirm: 'Отменить операцию',
    confirmFresh: 'Отменить по новому коду',
    done: 'Операция отменена.',
    unknown: 'Итог отмены неизвестен: она в списке «Требуют решения».',
  },
};

export type JournalWords = typeof journalRu;
