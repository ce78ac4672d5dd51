import { z } from 'zod/mini';
import type { MessageKey } from '../messages/messages';
import { isCalendarDay } from './localTime';

/**
 * What the IPC layer and the CLI accept from a person for the journal's queries and corrections.
 * A refusal's message is the key of its words in both languages (the journal turns it into an error).
 */

const refusal = (key: MessageKey): MessageKey => key;

export const OPERATION_ID_PATTERN = /^(\d{4})(\d{2})\d{2}-\d{6}-k\d{1,7}-[0-9a-f]{6}$/;

export const operationIdSchema = z.string().check(z.regex(OPERATION_ID_PATTERN, refusal('journal.badId')));

export const daySchema = z.string().check(z.refine(isCalendarDay, refusal('journal.badDay')));

const monthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, refusal('journal.badMonth')));

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
  .check(z.trim(), z.minLength(3, refusal('journal.reasonShort')), z.maxLength(500, refusal('journal.reasonLong')));

export const resolutionInputSchema = z.strictObject({
  action: z.enum(['applied', 'not-applied', 'recheck']),
  reason: reasonSchema,
  balance: z.optional(z.int()),
  by: z.literal('manager'),
});

export type ResolutionInput = z.infer<typeof resolutionInputSchema>;
