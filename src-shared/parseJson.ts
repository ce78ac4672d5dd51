import type { z } from 'zod/mini';

/** A JSON text checked against a schema: the value, or null when the text is not JSON or does not match. */
export function parseJsonAs<T>(schema: z.ZodMiniType<T>, text: string): T | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
