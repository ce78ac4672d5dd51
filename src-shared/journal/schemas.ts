import { z } from 'zod/mini';
import { isCalendarDay } from './localTime';

/** What the IPC layer and the CLI accept from a person for the journal's queries and corrections. */

export const OPERATION_ID_PATTERN = /^(\d{4})(\d{2})\d{2}-\d{6}-k\d{1,7}-[0-9a-f]{6}$/;

export const operationIdSchema = z.string().check(z.regex(OPERATION_ID_PATTERN, 'Неверный номер операции'));

export const daySchema = z.string().check(z.refine(isCalendarDay, 'Дата должна быть в виде ГГГГ-ММ-ДД'));

const monthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц должен быть в виде ГГГГ-ММ'));

const positiveInt = z.int().check(z.minimum(1));

export const journalFilterSchema = z.strictObject({
  day: z.optional(daySchema),
  month: z.optional(monthSchema),
  kassa: z.optional(positiveInt),
  client: z.optional(z.int().check(z.minimum(0))),
  kind: z.optional(z.enum(['accrue', 'redeem'])),
  status: z.optional(z.enum(['pending', 'applied', 'refused', 'not-applied', 'unknown', 'unresolved'])),
  /** The newest this many; the default keeps an unfiltered query over years of files short. */
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(100_000))),
});

export type JournalFilter = z.infer<typeof journalFilterSchema>;

export const reasonSchema = z
  .string()
  .check(z.trim(), z.minLength(3, 'Напишите причину: хотя бы несколько слов'), z.maxLength(500, 'Причина слишком длинная: не больше 500 знаков'));

export const resolutionInputSchema = z.strictObject({
  action: z.enum(['applied', 'not-applied', 'recheck']),
  reason: reasonSchema,
  balance: z.optional(z.int()),
  by: z.literal('manager'),
});

export type ResolutionInput = z.infer<typeof resolutionInputSchema>;
