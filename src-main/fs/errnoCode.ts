/** The `code` Node puts on a system error (ENOENT, ENOSPC, ECONNREFUSED…), or undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
