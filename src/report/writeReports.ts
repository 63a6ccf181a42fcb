import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../result.js';
import { atomicWriteFile } from './atomicWrite.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { isFileFormat, REPORT_FILE_NAMES, type FileReportFormat, type ReportFormat } from './reportFormat.js';

export { REPORT_FILE_NAMES, REPORT_FORMATS, isFileFormat, parseFormats, type FileReportFormat, type ReportFormat } from './reportFormat.js';

/** The renderer of each format. */
const RENDERERS: Readonly<Record<FileReportFormat, (result: RunResult) => string>> = {
  json: renderJson,
  junit: renderJunit,
  md: renderMarkdown,
  html: renderHtml,
};

/**
 * Writes the requested reports into `dir` (created, with parents, when missing). Every format is
 * rendered before anything touches the disk, so a render error writes nothing, not even the
 * directory; each file is then written with {@link atomicWriteFile}, so none is ever half written.
 * If a later write fails, files already written stay (each complete) and the error is rethrown.
 * @param dir - the report directory
 * @param result - the run
 * @param formats - the formats to write; duplicates are written once, and `github` (not a file) is skipped
 * @returns the paths written, in the order of `formats`
 */
export async function writeReports(dir: string, result: RunResult, formats: readonly ReportFormat[]): Promise<string[]> {
  const rendered = [...new Set(formats.filter(isFileFormat))].map((f) => ({ path: join(dir, REPORT_FILE_NAMES[f]), content: RENDERERS[f](result) }));
  if (rendered.length === 0) return [];
  await mkdir(dir, { recursive: true });
  for (const { path, content } of rendered) await atomicWriteFile(path, content);
  return rendered.map((r) => r.path);
}
