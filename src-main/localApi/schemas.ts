import { z } from 'zod/mini';
import { ERROR_KINDS } from '../../src-shared/errors';

/**
 * What a POS program may send, one schema per endpoint: the server validates with these and
 * /v1/openapi.json is generated from them, so the document cannot drift from what is accepted.
 */

/** The words /v1/openapi.json shows beside a field. */
function described<S extends z.ZodMiniType>(schema: S, description: string): S {
  return schema.check(z.describe(description));
}

const qr = described(z.string().check(z.minLength(1), z.maxLength(4096)), 'Текст QR-кода покупателя, как его выдал сканер (JSON из бота).');
const bonuses = described(z.int().check(z.minimum(1), z.maximum(1_000_000_000)), 'Сколько бонусов, целое число от 1.');
const purchase = described(
  z.union([z.number().check(z.positive(), z.maximum(10_000_000)), z.string().check(z.minLength(1), z.maxLength(40))]),
  'Сумма покупки в рублях: число 1234.5 или строка "1234,50".',
);
const confirmDuplicate = described(z.optional(z.boolean()), 'true — провести, хотя такая же операция этому покупателю была только что (ответ 409).');

export const balanceRequest = z.strictObject({ qr });
export const accrueRequest = z.union([
  z.strictObject({ qr, bonuses, confirmDuplicate }),
  z.strictObject({ qr, purchase, confirmDuplicate }),
]);
export const redeemRequest = z.strictObject({ qr, bonuses, confirmDuplicate });
export const checkoutRequest = z.strictObject({
  qr,
  purchase,
  redeem: described(
    z.optional(z.union([z.literal('max'), z.int().check(z.minimum(0), z.maximum(1_000_000_000))])),
    'Сколько бонусов списать: число (0 — только начислить) или "max" — сколько позволяют правила. По умолчанию 0.',
  ),
  confirmDuplicate,
});
export const tillPurchaseRequest = z.strictObject({ purchase });
export const journalQuery = z.strictObject({
  day: described(z.optional(z.string().check(z.maxLength(10))), 'День ГГГГ-ММ-ДД.'),
  kassa: described(z.optional(z.string().check(z.maxLength(10))), 'Только эта касса.'),
  customer: described(z.optional(z.string().check(z.maxLength(20))), 'Только этот покупатель (номер из QR-кода).'),
  kind: z.optional(z.enum(['accrue', 'redeem'])),
  limit: described(z.optional(z.string().check(z.maxLength(10))), 'Не больше N последних операций.'),
});

export type BalanceRequest = z.infer<typeof balanceRequest>;
export type AccrueRequest = z.infer<typeof accrueRequest>;
export type RedeemRequest = z.infer<typeof redeemRequest>;
export type CheckoutRequest = z.infer<typeof checkoutRequest>;
export type TillPurchaseRequest = z.infer<typeof tillPurchaseRequest>;
export type JournalQuery = z.infer<typeof journalQuery>;

const errorObject = z.object({
  kind: z.enum(ERROR_KINDS),
  code: described(z.optional(z.int()), 'Код ответа сервера Скидкабот (kind "server") или местный код: 1001 — повтор операции.'),
  message: described(z.string(), 'Что случилось и что делать, по-русски, для кассира.'),
  key: described(z.optional(z.string()), 'Ключ сообщения (например journal.intentNotWritten): по нему то же сообщение переводится на английский.'),
  params: described(z.optional(z.record(z.string(), z.union([z.string(), z.number()]))), 'Параметры сообщения для перевода по ключу.'),
});

/** Every reply: the object `skidkabot-kassa <command> --json` prints for the same operation. */
const reply = z.looseObject({ ok: z.boolean(), error: z.optional(errorObject) });

const tillOperation = z.object({
  id: z.string(),
  at: described(z.string(), 'Местное время с часовым поясом.'),
  kassa: z.int(),
  client: z.int(),
  kind: z.enum(['accrue', 'redeem']),
  bonuses: z.int(),
  purchase: described(z.nullable(z.string()), 'Сумма покупки в рублях, "1234.50"; null для исправления менеджера.'),
  checkoutId: described(z.nullable(z.string()), 'Общий у списания и начисления одной покупки.'),
  by: z.enum(['cashier', 'manager']),
  status: z.enum(['pending', 'applied', 'refused', 'not-applied', 'unknown']),
  balance: described(z.nullable(z.int()), 'Баланс покупателя после операции, если известен.'),
  reverses: z.nullable(z.string()),
});

export type TillOperation = z.infer<typeof tillOperation>;

interface Endpoint {
  method: 'get' | 'post';
  path: string;
  summary: string;
  body?: z.ZodMiniType;
  query?: z.ZodMiniObject;
  reply?: z.ZodMiniType;
  stream?: boolean;
}

const ENDPOINTS: readonly Endpoint[] = [
  { method: 'get', path: '/v1/status', summary: 'Состояние кассы: версия, магазин, касса, связь с сервером, сканер.' },
  { method: 'post', path: '/v1/balance', summary: 'Имя и баланс покупателя по QR-коду.', body: balanceRequest },
  { method: 'post', path: '/v1/accrue', summary: 'Начислить бонусы: число бонусов или сумма покупки (тогда по правилам магазина).', body: accrueRequest },
  { method: 'post', path: '/v1/redeem', summary: 'Списать бонусы.', body: redeemRequest },
  { method: 'post', path: '/v1/checkout', summary: 'Вся покупка: баланс, списание (если нужно) и начисление на оплаченное деньгами.', body: checkoutRequest },
  { method: 'get', path: '/v1/journal', summary: 'Операции журнала.', query: journalQuery },
  { method: 'post', path: '/v1/till/purchase', summary: 'Показать сумму покупки на экране кассира.', body: tillPurchaseRequest },
  {
    method: 'get',
    path: '/v1/till/last',
    summary: 'Последняя завершённая операция этой кассы (с экрана или через API).',
    reply: z.object({ ok: z.literal(true), operation: z.nullable(tillOperation) }),
  },
  { method: 'get', path: '/v1/till/events', summary: 'Поток событий (text/event-stream): каждая завершённая операция этой кассы, событие "operation".', stream: true },
];

function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  // The document declares its dialect once (OpenAPI 3.1 is JSON Schema 2020-12); each schema need not.
  delete json.$schema;
  return json;
}

const STATUS_TEXT: Record<string, string> = {
  '200': 'Готово (ok: true).',
  '400': 'Тело запроса не JSON или не по схеме.',
  '401': 'Нет или неверный токен (Authorization: Bearer <токен>).',
  '403': 'Запрос с заголовком Origin или к чужому Host: отклонён.',
  '409': 'Такая же операция этому покупателю была только что: повторите с "confirmDuplicate": true, если это новая покупка.',
  '413': 'Тело запроса больше 64 КиБ.',
  '415': 'Нужен Content-Type: application/json.',
  '422': 'Неверные данные или отказ сервера Скидкабот (не тот магазин, не хватает бонусов, QR-код устарел).',
  '423': 'У покупателя есть операция с неизвестным итогом: ничего не отправлено, нужен менеджер.',
  '502': 'Сервер Скидкабот не ответил: ничего не изменилось.',
  '503': 'Касса не может провести операцию: не настроена или журнал недоступен.',
  '504': 'Неизвестно, прошла ли операция: не повторяйте, менеджер проверит её в журнале.',
};

/** OpenAPI 3.1 (its schemas are JSON Schema 2020-12, which is what zod writes). */
export function openApiDocument(version: string, url: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const replySchema = schemaOf(reply, 'output');
  for (const endpoint of ENDPOINTS) {
    const responses: Record<string, unknown> = {};
    const codes = endpoint.body ? Object.keys(STATUS_TEXT) : ['200', '400', '401', '403'];
    for (const code of codes) {
      const content =
        endpoint.stream && code === '200'
          ? { 'text/event-stream': { schema: { type: 'string' } }, 'x-event-data': schemaOf(tillOperation, 'output') }
          : { 'application/json': { schema: code === '200' && endpoint.reply ? schemaOf(endpoint.reply, 'output') : replySchema } };
      responses[code] = { description: STATUS_TEXT[code], content };
    }
    const operation: Record<string, unknown> = { summary: endpoint.summary, responses };
    if (endpoint.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(endpoint.body, 'input') } } };
    }
    if (endpoint.query) {
      operation.parameters = Object.entries(endpoint.query.shape).map(([name, schema]) => ({
        name,
        in: 'query',
        required: false,
        schema: schemaOf(schema as z.ZodMiniType, 'input'),
      }));
    }
    paths[endpoint.path] = { [endpoint.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Скидкабот Касса — локальный API', version },
    servers: [{ url }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
