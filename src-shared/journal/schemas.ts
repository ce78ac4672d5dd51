import { z } from 'zod';
import { isCalendarDay } from './localTime';

/** What the IPC layer and the CLI accept from a person for the journal's queries and corrections. */

export const OPERATION_ID_PATTERN = /^(\d{4})(\d{2})\d{2}-\d{6}-k\d{1,7}-[0-9a-f]{6}$/;

export const operationIdSchema = z.string().regex(OPERATION_ID_PATTERN, 'Неверный номер операции');

export const daySchema = z.string().refine(isCalendarDay, 'Дата должна быть в виде ГГГГ-ММ-ДД');

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц должен быть в виде ГГГГ-ММ');

const positiveInt = z.number().int().min(1);

export const journalFilterSchema = z.strictObject({
  day: daySchema.optional(),
  month: monthSchema.optional(),
  kassa: positiveInt.optional(),
  client: z.number().int().min(0).optional(),
  kind: z.enum(['accrue', 'redeem']).optional(),
  status: z.enum(['pending', 'applied', 'refused', 'not-applied', 'unknown', 'unresolved']).optional(),
  /** The newest this many; the default keeps an unfiltered query over years of files short. */
  limit: positiveInt.max(100_000).optional(),
});

export type JournalFilter = z.infer<typeof journalFilterSchema>;

export const reasonSchema = z
  .string()
  .trim()
  .min(3, 'Напишите причину: хотя бы несколько слов')
  .max(500, 'Причина слишком длинная: не больше 500 знаков');

export const resolutionInputSchema = z.strictObject({
  action: z.enum(['applied', 'not-applied', 'recheck']),
  reason: reasonSchema,
  balance: z.number().int().optional(),
  by: z.literal('manager'),
});

export type ResolutionInput = z.infer<typeof resolutionInputSchema>;
