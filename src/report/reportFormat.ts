/** The report formats `--format` accepts: the file formats in the order they are written, then `github`. */
export const REPORT_FORMATS = ['json', 'junit', 'md', 'html', 'github'] as const;

/**
 * A report format: `json` (specs/report.schema.json), `junit` (JUnit XML), `md` (Markdown), `html`
 * (one self-contained page with heatmaps of each failure), or
 * `github` (GitHub Actions annotations, printed on standard output rather than written to a file).
 */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The formats written as files into the report directory. */
export type FileReportFormat = Exclude<ReportFormat, 'github'>;

/** The file each file format is written to, inside the report directory. */
export const REPORT_FILE_NAMES: Readonly<Record<FileReportFormat, string>> = {
  json: 'rnn-jac-spec.json',
  junit: 'rnn-jac-spec.junit.xml',
  md: 'rnn-jac-spec.md',
  html: 'rnn-jac-spec.html',
};

/**
 * Tells whether a format is written to a file (every format but `github`).
 * @param f - a format
 * @returns true for `json`, `junit`, `md` and `html`
 */
export function isFileFormat(f: ReportFormat): f is FileReportFormat {
  return f !== 'github';
}

/**
 * Tells whether a string is a known report format.
 * @param s - any string
 * @returns true for `json`, `junit`, `md`, `html` and `github`
 */
export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

/**
 * Parses a comma-separated list of formats, e.g. `json,md`. Blanks around names are ignored, names
 * are case-insensitive, and duplicates are dropped (first occurrence kept).
 * @param csv - the list, as given on the command line
 * @returns the formats, at least one
 * @throws Error naming the unknown format and the known ones, or saying the list is empty
 */
export function parseFormats(csv: string): ReportFormat[] {
  const known = REPORT_FORMATS.join(', ');
  const formats: ReportFormat[] = [];
  for (const raw of csv.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    if (!isReportFormat(name)) throw new Error(`unknown report format "${raw.trim()}"; known formats: ${known}`);
    if (!formats.includes(name)) formats.push(name);
  }
  if (formats.length === 0) throw new Error(`no report format given; known formats: ${known}`);
  return formats;
}
