/**
 * The simulator answers some requests in windows-1251, as a Russian PHP server may. Its table is
 * read back from Node's own decoder, so encoder and decoder cannot disagree; a character the code
 * page lacks becomes `?`, as PHP's iconv//TRANSLIT-less conversion and iconv-lite write it.
 */
let table: Map<number, number> | null = null;

function codePage(): Map<number, number> {
  if (table) return table;
  const decoder = new TextDecoder('windows-1251');
  table = new Map();
  // 0x98 is unassigned: nothing encodes to it.
  for (let byte = 0x80; byte <= 0xff; byte += 1) if (byte !== 0x98) table.set(decoder.decode(Uint8Array.of(byte)).charCodeAt(0), byte);
  return table;
}

export function encodeWindows1251(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    bytes[length] = code < 0x80 ? code : (codePage().get(code) ?? 0x3f);
    length += 1;
  }
  return bytes.subarray(0, length);
}
