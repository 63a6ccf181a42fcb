import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../src/result.js';
import { REPORT_FORMATS, parseFormats, writeReports } from '../../src/report/writeReports.js';
import { renderJson } from '../../src/report/json.js';
import { sampleResult } from './sampleResult.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rjs-reports-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A result the Markdown renderer cannot render (its summary throws); JUnit never reads it. */
function unrenderable(): RunResult {
  return Object.defineProperty({ ...sampleResult() }, 'summary', {
    enumerable: true,
    get() {
      throw new Error('render boom');
    },
  });
}

describe('writeReports', () => {
  it('writes every format into a new nested directory and returns the paths', async () => {
    const out = join(dir, 'a', 'b');
    const paths = await writeReports(out, sampleResult(), ['md', 'json', 'junit', 'json']);
    expect(paths).toEqual(['rnn-jac-spec.md', 'rnn-jac-spec.json', 'rnn-jac-spec.junit.xml'].map((f) => join(out, f)));
    expect((await readdir(out)).sort()).toEqual(['rnn-jac-spec.json', 'rnn-jac-spec.junit.xml', 'rnn-jac-spec.md']);
    expect(await readFile(join(out, 'rnn-jac-spec.json'), 'utf8')).toBe(renderJson(sampleResult()));
  });

  it('writes nothing, not even the directory, when a render throws', async () => {
    const out = join(dir, 'reports');
    await expect(writeReports(out, unrenderable(), ['junit', 'md'])).rejects.toThrow('render boom');
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps existing reports intact when a render throws', async () => {
    await writeFile(join(dir, 'rnn-jac-spec.junit.xml'), 'previous');
    await expect(writeReports(dir, unrenderable(), ['junit', 'md'])).rejects.toThrow('render boom');
    expect(await readdir(dir)).toEqual(['rnn-jac-spec.junit.xml']);
    expect(await readFile(join(dir, 'rnn-jac-spec.junit.xml'), 'utf8')).toBe('previous');
  });

  it('rejects when the directory cannot be created, leaving no temp file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(writeReports(join(dir, 'file'), sampleResult(), ['json'])).rejects.toThrow();
    await expect(writeReports(join(dir, 'file', 'sub'), sampleResult(), ['json'])).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['file']);
  });

  it('writes no file for github, which goes to standard output', async () => {
    expect(await writeReports(join(dir, 'gh'), sampleResult(), ['github'])).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
    expect(await writeReports(dir, sampleResult(), ['github', 'md'])).toEqual([join(dir, 'rnn-jac-spec.md')]);
  });

  it('does nothing for no formats', async () => {
    expect(await writeReports(join(dir, 'none'), sampleResult(), [])).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('parseFormats', () => {
  it('parses a comma-separated list', () => {
    expect(REPORT_FORMATS).toEqual(['json', 'junit', 'md', 'html', 'github']);
    expect(parseFormats('json')).toEqual(['json']);
    expect(parseFormats(' md, JUnit ,json,md,')).toEqual(['md', 'junit', 'json']);
  });

  it('names the known formats when a name is unknown or none is given', () => {
    expect(() => parseFormats('json,pdf')).toThrow('unknown report format "pdf"; known formats: json, junit, md, html, github');
    expect(() => parseFormats(' , ')).toThrow('no report format given; known formats: json, junit, md, html, github');
  });
});
