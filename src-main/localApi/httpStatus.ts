import { DUPLICATE_CODE } from '../../src-shared/journal/errorCodes';
import type { CommandReport } from '../cli/command';

/** Whether anything reached the server: a report of a sent operation carries its status or operations. */
function sent(report: CommandReport): boolean {
  return 'status' in report.data || 'operations' in report.data;
}

/**
 * The HTTP status of a CLI report: 200 when ok; 4xx when the request or the rules refuse it (409 the
 * double press, 423 a customer blocked by an unknown outcome); 502 no answer from the Skidkabot
 * server; 504 an outcome nobody knows; 503 a till that cannot work (settings, keychain, journal).
 */
export function httpStatusOf(report: CommandReport): number {
  const { error } = report;
  if (error === null) return 200;
  switch (error.kind) {
    case 'input':
      return error.code === DUPLICATE_CODE ? 409 : 422;
    case 'scan':
    case 'vendor':
    case 'server':
      return 422;
    case 'network':
      return 502;
    case 'outcome-unknown':
      return sent(report) ? 504 : 423;
    case 'config':
    case 'auth':
      return 503;
    case 'journal':
      // Sent and answered, but the journal could not record it: the till is the trouble, not the server.
      return 503;
    case 'internal':
      return 500;
  }
}
