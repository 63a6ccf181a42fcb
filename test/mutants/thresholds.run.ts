/**
 * `npm run thresholds` (not part of `npm test`): the detection threshold of every property in both
 * dtypes (detectionThreshold.ts), written to reports/thresholds.json and reports/thresholds.md.
 * THRESHOLDS_ONLY=property[,property…] measures only those properties (the report then holds only them).
 * @packageDocumentation
 */
import { join } from 'node:path';
import { afterAll, it } from 'vitest';
import type { Dtype } from '../../src/contract.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { measureThreshold, type Threshold } from './detectionThreshold.js';
import { readCalibration } from './correctRatios.js';
import { thresholdRows, writeThresholdReport } from './thresholdReport.js';

const ROOT = join(import.meta.dirname, '..', '..');
const only = process.env.THRESHOLDS_ONLY?.split(',').filter((p) => p !== '');
const properties = PROPERTY_IDS.filter((p) => only === undefined || only.includes(p));
const units = (['float64', 'float32'] as const satisfies readonly Dtype[]).flatMap((dtype) =>
  properties.map((property) => [`${property} ${dtype}`, property, dtype] as const),
);
const measured: Threshold[] = [];

it.each(units)('%s', async (_label, property, dtype) => {
  const t = await measureThreshold(property, dtype, (line) => console.log(`thresholds: ${line}`));
  measured.push(t);
});

afterAll(() => {
  const rows = thresholdRows(measured, readCalibration(join(ROOT, 'reports', 'calibration.json')));
  writeThresholdReport(join(ROOT, 'reports', 'thresholds.json'), join(ROOT, 'reports', 'thresholds.md'), rows);
});
