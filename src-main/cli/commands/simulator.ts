import { codedError } from '../../../src-shared/errors';
import type { DemoCustomer } from '../../../src-shared/ipc/views';
import { errnoCode } from '../../fs/errnoCode';
import { DEMO_SHOP } from '../../simulator/demoData';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { failed, type CliCommand, type CommandReport } from '../command';
import { PROGRAM } from '../render';

export const simulatorCommand: CliCommand = {
  name: 'simulator',
  summary: 'запустить встроенный тренажёр сервера Скидкабот с демо-магазином',
  synopsis: '[--port <P>]',
  options: {
    port: { type: 'string', valueName: '<P>', description: 'порт на 127.0.0.1 (по умолчанию любой свободный)' },
  },
  async run(args, env) {
    const port = parsePort(args.values.port);
    if (port === null) return failed(codedError('input', 'cli.port'));
    let simulator: Simulator;
    try {
      simulator = await startSimulator({ port, host: '127.0.0.1' });
    } catch (error) {
      const busy = errnoCode(error) === 'EADDRINUSE';
      return failed(
        busy ? codedError('input', 'cli.portBusy', { port }) : codedError('input', 'cli.simulatorFailed'),
      );
    }
    return {
      ...simulatorReport(simulator.url, simulator.demoCustomers()),
      keepRunning: async () => {
        await env.untilStopped();
        await simulator.close();
      },
    };
  },
};

function parsePort(text: string | boolean | undefined): number | null {
  if (text === undefined) return 0;
  if (typeof text !== 'string' || !/^\d{1,5}$/.test(text.trim())) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

/** Pure: the simulator's address, the demo shop and ready-to-scan QR texts, for a person and for a script. */
export function simulatorReport(url: string, customers: readonly DemoCustomer[]): CommandReport {
  const env = `SKIDKABOT_API_URL=${url} SKIDKABOT_SHOP=${DEMO_SHOP.code} SKIDKABOT_SHOP_SECRET=${DEMO_SHOP.secret}`;
  return {
    data: {
      url,
      demoShop: { shopCode: DEMO_SHOP.code, shopSecret: DEMO_SHOP.secret },
      customers: customers.map(({ label, qrText }) => ({ label, qr: qrText })),
    },
    lines: [
      `Тренажёр Скидкабот работает: ${url}`,
      `Демо-магазин: код ${DEMO_SHOP.code}, секретный код ${DEMO_SHOP.secret} (учебный, не настоящий).`,
      '',
      'Попробовать из другого окна:',
      `  ${env} ${PROGRAM} balance --qr '<QR-код>'`,
      '',
      'QR-коды демо-покупателей (действуют сутки):',
      ...customers.flatMap(({ label, qrText }) => [`  ${label}`, `    ${qrText}`]),
      '',
      'Остановить: Ctrl+C',
    ],
    error: null,
  };
}
