import { MAX_SCAN_LENGTH, decodeScan } from '../../../src-shared/scan/decodeScan';
import { failed, succeeded, type CliCommand } from '../command';
import { codedError } from '../../../src-shared/errors';
import { HID_DUMP_OPTIONS, decodeHidDumpFile } from './hidDump';

export const decodeCommand: CliCommand = {
  name: 'decode',
  summary: 'расшифровать текст QR-кода Скидкабот (проверка сканера)',
  synopsis: '<текст скана> | --stdin | --hid-dump <файл>',
  options: {
    stdin: { type: 'boolean', description: 'прочитать текст скана со стандартного ввода' },
    ...HID_DUMP_OPTIONS,
  },
  maxPositionals: 1,
  async run(args, env) {
    const [text] = args.positionals;
    const dump = args.values['hid-dump'];
    if (typeof dump === 'string') {
      if (text !== undefined || args.values.stdin === true) {
        return failed(codedError('input', 'cli.decodeDumpAndText'));
      }
      return decodeHidDumpFile(dump);
    }
    if (args.values.stdin === true && text !== undefined) {
      return failed(codedError('input', 'cli.decodeTextAndStdin'));
    }
    let scan: string;
    if (args.values.stdin === true) scan = await env.readStdin(MAX_SCAN_LENGTH + 1);
    else if (text !== undefined) scan = text;
    else return failed(codedError('input', 'cli.decodeNothing'));

    const decoded = decodeScan(scan);
    if (!decoded.ok) return failed(decoded.error);
    const { vendor, client, secret } = decoded.value;
    return succeeded({ vendor, client, secret }, [
      'QR-код Скидкабот прочитан.',
      `Магазин (vendor): ${vendor}`,
      `Покупатель (client): ${client}`,
      `Ключ QR-кода (secret): ${secret}`,
    ]);
  },
};
