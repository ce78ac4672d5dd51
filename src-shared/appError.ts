import type { AppError, ErrorKind } from './errors';
import type { MessageKey, MessageParams } from './messages/messages';

/** An error with its key and the Russian words already written from it, by a caller holding only its own part of the messages. */
export function keyedError(kind: ErrorKind, key: MessageKey, message: string, params?: MessageParams, code?: number): AppError {
  const error: AppError = { kind, message };
  if (code !== undefined) error.code = code;
  error.key = key;
  if (params !== undefined && Object.keys(params).length > 0) error.params = params;
  return error;
}

export function appError(kind: ErrorKind, message: string, code?: number): AppError {
  return code === undefined ? { kind, message } : { kind, code, message };
}
