import { describe, it, expect } from 'vitest';
import { formatDuration, formatMatrix, formatNumber, formatRatio, formatShape } from '../../src/report/format.js';

describe('formatNumber', () => {
  it('uses up to 6 significant digits without trailing zeros', () => {
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(-0.419974123)).toBe('-0.419974');
    expect(formatNumber(123456.7)).toBe('123457');
    expect(formatNumber(1 / 3, 3)).toBe('0.333');
    expect(formatNumber(0.0001)).toBe('0.0001');
  });

  it('uses exponent notation for tiny and huge magnitudes', () => {
    expect(formatNumber(1e-6)).toBe('1e-6');
    expect(formatNumber(-1.5e-7)).toBe('-1.5e-7');
    expect(formatNumber(2.345678e8)).toBe('2.34568e+8');
    expect(formatNumber(1e6)).toBe('1e+6');
    expect(formatNumber(999999.7)).toBe('1e+6'); // rounding crosses into the exponent range
    expect(formatNumber(Number.MIN_VALUE)).toBe('4.94066e-324');
  });

  it('prints zero and non-finite values plainly', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('Infinity');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
  });
});

describe('formatRatio', () => {
  it('follows the comparison: 0 for no error, Infinity against a zero tolerance', () => {
    expect(formatRatio(0, 0)).toBe('0');
    expect(formatRatio(1, 0)).toBe('Infinity');
    expect(formatRatio(NaN, 1)).toBe('Infinity');
    expect(formatRatio(1, 4)).toBe('0.25');
  });
});

describe('formatDuration', () => {
  it('picks a unit', () => {
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(NaN)).toBe('?');
  });
});

describe('formatMatrix', () => {
  it('right-aligns each column', () => {
    const m = { rows: 2, cols: 3, values: [1, -0.5, 1e-7, 10, 2, NaN] };
    expect(formatMatrix(m)).toBe([' 1  -0.5  1e-7', '10     2   NaN'].join('\n'));
    expect(formatShape(m)).toBe('2×3');
  });

  it('shows the top-left block of a large matrix with a note', () => {
    const m = { rows: 3, cols: 4, values: Array.from({ length: 12 }, (_, i) => i) };
    expect(formatMatrix(m, 2, 2)).toBe(['0  1', '4  5', '… first 2×2 of 3×4 shown'].join('\n'));
    const big = { rows: 9, cols: 9, values: Array.from({ length: 81 }, () => 1) };
    const lines = formatMatrix(big).split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe(Array(8).fill('1').join('  '));
  });

  it('copes with empty and malformed matrices', () => {
    expect(formatMatrix({ rows: 0, cols: 3, values: [] })).toBe('(empty 0×3)');
    expect(formatMatrix({ rows: 1, cols: 2, values: [1] })).toBe('1  ?');
  });
});
