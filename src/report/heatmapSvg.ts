/**
 * Inline SVG pictures for the HTML report: a heatmap of a matrix (a transposed Jacobian shows as the
 * mirror image of the expected one) and a bar chart of error/tolerance over a property's cases.
 * No scripts, no fonts, no network: the pictures are plain markup.
 * @packageDocumentation
 */
import type { MatrixData } from '../result.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './escapeXml.js';
import { formatNumber } from './format.js';

/** Largest side of a heatmap, in pixels. */
const SIDE = 260;

/** A diverging colour for t in [−1, 1]: blue below 0, white at 0, red above; grey for NaN. */
export function divergingColor(t: number): string {
  if (!Number.isFinite(t)) return '#7f7f7f';
  const c = Math.max(-1, Math.min(1, t));
  const [r, g, b] = c >= 0 ? [178, 24, 43] : [33, 102, 172];
  const mix = (full: number) => Math.round(255 + (full - 255) * Math.abs(c));
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

/** The largest finite |value|, or 1 for a matrix of zeros (so that zeros draw white). */
export function scaleOf(...matrices: readonly MatrixData[]): number {
  let s = 0;
  for (const m of matrices) for (const v of m.values) if (Number.isFinite(v)) s = Math.max(s, Math.abs(v));
  return s > 0 ? s : 1;
}

/**
 * A heatmap of `m`, colour scale ±`scale`. Each cell has a tooltip (row, column, value); cells where
 * `mark` is true get a black outline (the difference heatmap marks the entries beyond tolerance).
 * @param m - the matrix
 * @param kind - what it shows (`expected`, `actual`, `difference`): the `data-kind` attribute
 * @param scale - the value drawn at full colour
 * @param mark - which entries (row-major index) to outline
 * @returns an `<svg class="heatmap">` element
 */
export function heatmapSvg(m: MatrixData, kind: string, scale: number, mark?: (index: number) => boolean): string {
  const cell = Math.max(2, Math.min(64, Math.floor(SIDE / Math.max(m.rows, m.cols))));
  const w = cell * m.cols;
  const h = cell * m.rows;
  const rects: string[] = [];
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const k = i * m.cols + j;
      const v = m.values[k];
      const outline = mark?.(k) === true && cell >= 4 ? ' stroke="#000" stroke-width="1"' : '';
      rects.push(
        `<rect x="${j * cell}" y="${i * cell}" width="${cell}" height="${cell}" fill="${divergingColor(v / scale)}"${outline}><title>[${i}, ${j}] = ${text(formatNumber(v, 17))}</title></rect>`,
      );
    }
  }
  return `<svg class="heatmap" data-kind="${attr(kind)}" width="${w + 2}" height="${h + 2}" viewBox="-1 -1 ${w + 2} ${h + 2}" role="img" aria-label="${attr(`${kind}, ${m.rows}×${m.cols}`)}"><rect x="-1" y="-1" width="${w + 2}" height="${h + 2}" fill="none" stroke="#999"/>${rects.join('')}</svg>`;
}

/**
 * A bar chart of counts (one bar per bin), the last bar red: the histogram of error/tolerance with
 * the failing cases as a final bin.
 * @param counts - cases per bin
 * @param labels - one label per bin (tooltips)
 * @returns an `<svg class="histogram">` element
 */
export function histogramSvg(counts: readonly number[], labels: readonly string[]): string {
  const bar = 12;
  const height = 36;
  const top = Math.max(1, ...counts);
  const bars = counts.map((c, k) => {
    const h = c === 0 ? 0 : Math.max(1, Math.round((height * c) / top));
    const fill = k === counts.length - 1 ? '#b2182b' : '#4d7ea8';
    return `<rect x="${k * (bar + 2)}" y="${height - h}" width="${bar}" height="${h}" fill="${fill}"><title>${text(`${labels[k]}: ${c} case(s)`)}</title></rect>`;
  });
  const w = counts.length * (bar + 2);
  return `<svg class="histogram" width="${w}" height="${height + 1}" viewBox="0 0 ${w} ${height + 1}" role="img" aria-label="error/tolerance over cases"><line x1="0" y1="${height + 0.5}" x2="${w}" y2="${height + 0.5}" stroke="#999"/>${bars.join('')}</svg>`;
}
