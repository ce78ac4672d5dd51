import { performance } from 'node:perf_hooks';
import { decodeScan } from '../../src-shared/scan/decodeScan';
import { median } from '../benchGoal';

const CLEAN = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}\r\n';
const RU_LAYOUT = 'ХЭензуЭЖЭЫлшвлфищеЭбЭмутвщкЭЖ4бЭсдшутеЭЖ83532824бЭыускуеЭЖ31766Ъ\r\n';
const UK_CAPS_RU = 'х"ЕНЗУ"ж"ыЛШВЛФИЩЕ"Б"МУТВЩК"ж4Б"СДШУТЕ"ж83532824Б"ЫУСКУЕ"ж31766ъ';
const REJECTED = ['4607001771562', 'https://t.me/Skidkabotmymagbot', '{"type":"Skidkabot","vendor":-4}', 'hello world'];
const AT_CAP = 'Х'.repeat(4096);
const MEGABYTE = 'x'.repeat(1 << 20);

/** Decodes per second over about half a second of repeated calls. */
function perSecond(inputs: readonly string[]): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 500) {
    for (const input of inputs) decodeScan(input);
    calls += inputs.length;
    elapsed = performance.now() - start;
  }
  return Math.round((calls * 1000) / elapsed);
}

/** Median of many single calls, in microseconds. */
function medianMicros(input: string, runs = 201): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    decodeScan(input);
    times.push((performance.now() - start) * 1000);
  }
  return median(times);
}

export function run(): Promise<void> {
  perSecond([CLEAN, RU_LAYOUT, ...REJECTED]); // warm-up for the JIT
  console.log(`clean JSON:                 ${perSecond([CLEAN]).toLocaleString('en-US')} decodes/s`);
  console.log(`Russian layout (US-set):    ${perSecond([RU_LAYOUT]).toLocaleString('en-US')} decodes/s`);
  console.log(`Caps + Russian + UK-set:    ${perSecond([UK_CAPS_RU]).toLocaleString('en-US')} decodes/s`);
  console.log(`rejected (EAN, URL, ...):   ${perSecond(REJECTED).toLocaleString('en-US')} decodes/s`);
  console.log(`4 KB garbage at the cap:    ${medianMicros(AT_CAP).toFixed(1)} µs per reject`);
  console.log(`1 MB input:                 ${medianMicros(MEGABYTE).toFixed(3)} µs per reject`);
  return Promise.resolve();
}
