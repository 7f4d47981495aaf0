// A graph picture that can leave the tool: the drawing framed by a title, a legend of the kinds it shows, and a footer
// with the sources, the year of the data, the filters in force and the date it was made. SVG is composed as text (the
// drawing nested as it is); PNG is drawn on a canvas around the drawing's own PNG.
import { KIND_STYLES } from './graph-style.js';
import type { NodeKind } from '../../../graph/ontology.js';

export interface FigureFrame {
  title: string;
  /** Kinds in the picture, with their names in the reader's language. */
  legend: { kind: NodeKind; label: string }[];
  /** Lines under the drawing: sources, year, filters, date. */
  footer: string[];
}

const PAD = 16;
const TITLE_SIZE = 20;
const LINE = 18;
const SWATCH = 12;
const LEGEND_GAP = 18;
const FONT = 'system-ui, sans-serif';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rough text width for laying out the legend (no text metrics in a string); generous so entries never overlap. */
const textWidth = (text: string, size: number) => text.length * size * 0.6;

/** Legend entries laid out in rows no wider than `width`. */
function legendRows(legend: FigureFrame['legend'], width: number): { kind: NodeKind; label: string; x: number; row: number }[] {
  const placed: { kind: NodeKind; label: string; x: number; row: number }[] = [];
  let x = PAD;
  let row = 0;
  for (const entry of legend) {
    const w = SWATCH + 6 + textWidth(entry.label, 12) + LEGEND_GAP;
    if (x + w > width - PAD && x > PAD) {
      row += 1;
      x = PAD;
    }
    placed.push({ ...entry, x, row });
    x += w;
  }
  return placed;
}

function frameHeights(frame: FigureFrame, width: number): { head: number; foot: number; rows: ReturnType<typeof legendRows> } {
  const rows = legendRows(frame.legend, width);
  const legendLines = rows.length === 0 ? 0 : rows.at(-1)!.row + 1;
  return { head: PAD + TITLE_SIZE + PAD / 2, foot: PAD + legendLines * LINE + PAD / 2 + frame.footer.length * LINE + PAD / 2, rows };
}

/** Wide enough for the drawing, the title and every footer line. */
const frameWidth = (drawingWidth: number, frame: FigureFrame) =>
  Math.ceil(Math.max(drawingWidth, 640, textWidth(frame.title, TITLE_SIZE) + 2 * PAD, ...frame.footer.map((line) => textWidth(line, 12) + 2 * PAD)));

/** The drawing's size as its own root element states it. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)`).exec(root)?.[1] ?? 0);
  return { width: read('width'), height: read('height') };
}

/** The drawing (an SVG document as text) framed by title, legend and footer, as one SVG document. */
export function framedSvg(drawing: string, frame: FigureFrame): string {
  const size = svgSize(drawing);
  const width = frameWidth(size.width, frame);
  const { head, foot, rows } = frameHeights(frame, width);
  const height = head + size.height + foot;
  const inner = drawing.replace(/^<\?xml[^>]*>\s*/, '').replace(/<svg\b/, `<svg x="${(width - size.width) / 2}" y="${head}"`);
  const legendTop = head + size.height + PAD;
  const legend = rows
    .map(
      (r) =>
        `<rect x="${r.x}" y="${legendTop + r.row * LINE}" width="${SWATCH}" height="${SWATCH}" fill="${KIND_STYLES[r.kind].color}" stroke="${KIND_STYLES[r.kind].border}"/>` +
        `<text x="${r.x + SWATCH + 6}" y="${legendTop + r.row * LINE + SWATCH - 1}" font-size="12">${escapeXml(r.label)}</text>`,
    )
    .join('');
  const footTop = legendTop + (rows.length === 0 ? 0 : (rows.at(-1)!.row + 1) * LINE) + PAD / 2;
  const footer = frame.footer
    .map((line, i) => `<text x="${PAD}" y="${footTop + (i + 1) * LINE - 4}" font-size="12" fill="#333333">${escapeXml(line)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<title>${escapeXml(frame.title)}</title><rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${PAD}" y="${PAD + TITLE_SIZE - 4}" font-size="${TITLE_SIZE}" font-weight="600">${escapeXml(frame.title)}</text>` +
    `${inner}${legend}${footer}</svg>`
  );
}

/** The drawing (a PNG data URL at `scale`) framed as framedSvg frames the SVG; resolves to a PNG data URL. */
export async function framedPng(drawing: string, frame: FigureFrame, scale = 2): Promise<string> {
  const image = new Image();
  image.src = drawing;
  await image.decode();
  const drawingWidth = image.naturalWidth / scale;
  const drawingHeight = image.naturalHeight / scale;
  const width = frameWidth(drawingWidth, frame);
  const { head, foot, rows } = frameHeights(frame, width);
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = (head + drawingHeight + foot) * scale;
  const g = canvas.getContext('2d')!;
  g.scale(scale, scale);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, head + drawingHeight + foot);
  g.fillStyle = '#1b1b1b';
  g.font = `600 ${TITLE_SIZE}px ${FONT}`;
  g.fillText(frame.title, PAD, PAD + TITLE_SIZE - 4);
  g.drawImage(image, (width - drawingWidth) / 2, head, drawingWidth, drawingHeight);
  const legendTop = head + drawingHeight + PAD;
  g.font = `12px ${FONT}`;
  for (const r of rows) {
    g.fillStyle = KIND_STYLES[r.kind].color;
    g.fillRect(r.x, legendTop + r.row * LINE, SWATCH, SWATCH);
    g.strokeStyle = KIND_STYLES[r.kind].border;
    g.strokeRect(r.x, legendTop + r.row * LINE, SWATCH, SWATCH);
    g.fillStyle = '#1b1b1b';
    g.fillText(r.label, r.x + SWATCH + 6, legendTop + r.row * LINE + SWATCH - 1);
  }
  const footTop = legendTop + (rows.length === 0 ? 0 : (rows.at(-1)!.row + 1) * LINE) + PAD / 2;
  g.fillStyle = '#333333';
  frame.footer.forEach((line, i) => g.fillText(line, PAD, footTop + (i + 1) * LINE - 4));
  return canvas.toDataURL('image/png');
}
