import { unreadable } from './unreadable.ts';

export type TextEncoding = 'utf-8' | 'windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const cp1252 = new TextDecoder('windows-1252');

/**
 * The text of an uploaded CSV, QIF or OFX file: UTF-8 (with or without BOM) when it decodes as
 * such, else Windows-1252, which French banks still export and which decodes any byte. Bytes no
 * text file has (NUL, most control characters) mean a binary file posing as text: refused.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  const head = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) throw unreadable('is a binary file, not text');
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  if (control > head.length / 100) throw unreadable('is a binary file, not text');
  try {
    return { text: stripBom(utf8.decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: cp1252.decode(bytes), encoding: 'windows-1252' };
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
