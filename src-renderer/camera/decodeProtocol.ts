/** One camera frame for the decoder worker; the bitmap is transferred, not copied. */
export interface DecodeRequest {
  id: number;
  frame: ImageBitmap;
}

export type DecodeReply = { id: number; ok: true; texts: string[]; decodeMs: number } | { id: number; ok: false; error: string };

export function isDecodeReply(value: unknown): value is DecodeReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  if (typeof reply['id'] !== 'number') return false;
  if (reply['ok'] === true) return Array.isArray(reply['texts']) && reply['texts'].every((t) => typeof t === 'string');
  return reply['ok'] === false && typeof reply['error'] === 'string';
}
