import { codedError, type Result } from '../../src-shared/errors';
import { checkVendor, decodeScan } from '../../src-shared/scan/decodeScan';
import { resolveConfig, type ResolvedConfig } from '../settings/resolveConfig';
import { SkidkabotClient, type QrRef } from '../skidkabot/client';
import { cliNetwork } from '../skidkabot/net/networkSetup';
import { failed, type CommandEnv, type CommandReport } from './command';

export interface ShopSession {
  config: ResolvedConfig;
  client: SkidkabotClient;
  qr: QrRef;
  /** The customer's number from the QR, for the report. */
  customerId: number;
}

/**
 * What every customer command does first, in the vendor's order: read the scan, load the
 * configuration, refuse another shop's QR before any request, then open one client for the command.
 */
export async function withShopSession(
  env: CommandEnv,
  scanText: string,
  work: (session: ShopSession) => Promise<CommandReport>,
): Promise<CommandReport> {
  const scan = decodeScan(scanText);
  if (!scan.ok) return failed(scan.error);
  const config = await resolveConfig({ env: env.env });
  if (!config.ok) return failed(config.error);
  const otherShop = checkVendor(scan.value, config.value.credentials.shopCode);
  if (otherShop) return failed(otherShop, { vendor: scan.value.vendor });

  const client = new SkidkabotClient({ baseUrl: config.value.settings.apiUrl, credentials: config.value.credentials, network: cliNetwork(env.env) });
  try {
    return await work({ config: config.value, client, qr: { client: scan.value.client, secret: scan.value.secret }, customerId: scan.value.client });
  } finally {
    client.close();
  }
}

/** `--bonuses` as the vendor takes it: a whole number, at least 1, checked before anything is sent. */
export function parseBonuses(text: string | boolean | undefined, option = '--bonuses'): Result<number> {
  if (typeof text !== 'string') {
    return { ok: false, error: codedError('input', 'cli.bonusesMissing', { option }) };
  }
  const trimmed = text.trim();
  const value = /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= 1) return { ok: true, value };
  return {
    ok: false,
    error: codedError('input', 'cli.bonusesBad', { option, value: clip(trimmed) }),
  };
}

/** The scan text of `--qr`, or the error that asks for it. */
export function requireQr(text: string | boolean | undefined): Result<string> {
  if (typeof text === 'string' && text.trim() !== '') return { ok: true, value: text };
  return { ok: false, error: codedError('input', 'cli.qrMissing') };
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
