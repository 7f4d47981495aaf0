// The text a PDF that Chromium printed shows, for the print tests: what a reader of the paper would see, so that a
// table cut off at the page's edge (its glyphs never drawn) is missing from it. Only as much of PDF as Chromium's
// writer (Skia) uses: numbered objects, Flate-compressed streams, Type0 fonts named /F<object number> with a ToUnicode
// CMap, and text shown with Tj and TJ. No library for this was in the dependencies; this is enough for an assertion.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\b/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const at = m.index + m[0].length;
    const end = text.indexOf('endobj', at);
    if (end < 0) break;
    const body = text.slice(at, end);
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const dataStart = at + streamAt + body.slice(streamAt).match(/^stream\r?\n/)![0].length;
    const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? NaN);
    const raw = pdf.subarray(dataStart, Number.isNaN(length) ? at + body.lastIndexOf('endstream') : dataStart + length);
    let stream: Buffer | null = raw;
    if (/\/Filter\s*\/FlateDecode/.test(dict)) {
      try {
        stream = inflateSync(raw);
      } catch {
        stream = null; // not a stream this reader needs
      }
    }
    objects.set(Number(m[1]), { dict, stream });
    start.lastIndex = end;
  }
  return objects;
}

/** A ToUnicode CMap: code (as hex, upper case) → text, and how many bytes a code takes. */
interface CMap {
  bytes: number;
  map: Map<string, string>;
}

const utf16 = (hex: string): string => {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

function parseCMap(text: string): CMap {
  const map = new Map<string, string>();
  const range = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  const bytes = range ? range[1]!.length / 2 : 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(src!.toUpperCase(), utf16(dst!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const from = parseInt(lo!, 16);
      const base = parseInt(dst!, 16);
      for (let code = from; code <= parseInt(hi!, 16); code++) {
        map.set(code.toString(16).toUpperCase().padStart(lo!.length, '0'), String.fromCharCode(base + code - from));
      }
    }
  }
  return { bytes, map };
}

function decode(hex: string, cmap: CMap | undefined): string {
  if (!cmap) return '';
  const width = cmap.bytes * 2;
  let out = '';
  for (let i = 0; i + width <= hex.length; i += width) out += cmap.map.get(hex.slice(i, i + width).toUpperCase()) ?? '';
  return out;
}

/** The text of every page, in drawing order; a run of text per Tj or TJ, runs separated by a space. */
export function pdfText(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  const cmaps = new Map<string, CMap>();
  for (const [num, obj] of objects) {
    const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(obj.dict);
    const stream = ref ? objects.get(Number(ref[1]))?.stream : null;
    // Skia names a font resource after its object: /F5 is object 5.
    if (stream) cmaps.set(`F${num}`, parseCMap(stream.toString('latin1')));
  }
  const runs: string[] = [];
  for (const obj of objects.values()) {
    if (!obj.stream || /\/Type\s*\/XObject\s*\/Subtype\s*\/Image/.test(obj.dict)) continue;
    const content = obj.stream.toString('latin1');
    if (!content.includes('Tf')) continue;
    let font: CMap | undefined;
    const ops = /\/(F\d+)\s+[\d.]+\s+Tf|\[((?:[^\]<]|<[0-9a-fA-F]*>)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (const m of content.matchAll(ops)) {
      if (m[1]) font = cmaps.get(m[1]);
      else if (m[2] !== undefined) runs.push([...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decode(h[1]!, font)).join(''));
      else if (m[3] !== undefined) runs.push(decode(m[3], font));
    }
  }
  return runs.join(' ');
}

/** Whether the printed text holds `phrase`, whitespace aside (a PDF places words, it does not always write the spaces). */
export function pdfHas(pdf: Buffer, phrase: string): boolean {
  const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return squeeze(pdfText(pdf)).includes(squeeze(phrase));
}
