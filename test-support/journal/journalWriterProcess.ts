import { Journal } from '../../src-main/journal/journal';

/**
 * The crash test's victim: writes operations as fast as it can and prints `<record> <id>` on stdout
 * only after the journal has resolved, the way the till shows success only after the journal. The
 * test kills it with SIGKILL at random moments. Usage: tsx journalWriterProcess.ts <dataDir>
 */
const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: journalWriterProcess <dataDir>\n');
  process.exit(2);
}

const { journal } = await Journal.open(dataDir);
const kassa = 1 + (process.pid % 9);
for (let round = 0; ; round += 1) {
  const client = 1000 + (round % 50);
  const intent = await journal.recordIntent({
    kassa,
    shop: 4,
    client,
    kind: round % 2 === 0 ? 'accrue' : 'redeem',
    bonuses: 1 + (round % 7),
    purchaseKopecks: 10_000 + round,
    qrSecret: 20_000 + round,
    balanceBefore: 500,
  });
  if (!intent.ok) {
    process.stderr.write(`${intent.error.message}\n`);
    process.exit(1);
  }
  const id = intent.value;
  process.stdout.write(`intent ${id}\n`);
  const unknown = round % 3 === 0;
  const outcome = await journal.recordOutcome(
    id,
    unknown
      ? { status: 'unknown', kind: 'accrue', bonuses: 1, balanceBefore: 500, error: { kind: 'outcome-unknown', message: 'нет ответа' } }
      : { status: 'applied', kind: 'accrue', bonuses: 1, balance: 501, firstName: '', lastName: '', confirmedBy: 'answer' },
  );
  if (!outcome.ok) process.exit(1);
  process.stdout.write(`outcome ${id}\n`);
  if (unknown) {
    const resolution = await journal.recordResolution(id, { action: 'not-applied', reason: 'Баланс не изменился', by: 'manager' });
    if (!resolution.ok) process.exit(1);
    process.stdout.write(`resolution ${id}\n`);
  }
}
