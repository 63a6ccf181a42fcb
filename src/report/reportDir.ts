/**
 * One run, one report set. A run opens its `--report` directory before its first case: the
 * directory is created and proved writable, a lock file keeps a second run out, temporary files of
 * an interrupted run are removed, and so are the report files of an earlier run, so that the
 * directory never holds a JSON of one run and a Markdown of another. At the end the whole set is
 * written into a fresh temporary folder inside the directory and renamed into place file by file.
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../result.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { isFileFormat, REPORT_FILE_NAMES, type FileReportFormat, type ReportFormat } from './reportFormat.js';

/** A report directory that cannot be used: the CLI prints the message and exits 2. */
export class ReportDirError extends Error {
  override readonly name = 'ReportDirError';
}

/** The lock file a run holds in its report directory. */
export const LOCK_FILE = '.rnn-jac-spec.lock';
/** Temporary folders and files of a run (removed when a later run finds them). */
const TEMP = /^\.rnn-jac-spec-.*\.tmp$|^\.rnn-jac-spec\..*\.tmp$|^\..+\.\d+\.[0-9a-f]+\.tmp$/;

/** The renderer of each file format. */
const RENDERERS: Readonly<Record<FileReportFormat, (result: RunResult) => string>> = {
  json: renderJson,
  junit: renderJunit,
  md: renderMarkdown,
  html: renderHtml,
};

/** An open report directory. */
export interface ReportDir {
  /** The directory. */ readonly dir: string;
  /**
   * Renders every format first (a render error writes nothing), then writes the set into a temporary
   * folder and renames each file into the directory.
   * @returns the paths written
   */
  write(result: RunResult): string[];
  /** Removes the lock (also done when the process exits). Idempotent. */
  release(): void;
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? 'error';
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) === 'EPERM';
  }
}

/** The pid a lock file names (NaN when it cannot be read). */
function holderOf(path: string): number {
  try {
    return Number(readFileSync(path, 'utf8').trim());
  } catch {
    return NaN;
  }
}

/**
 * Takes the lock, or says who holds it; a lock whose process is gone is taken over. The lock appears
 * with its pid in it (a hard link of a file written first), so no run ever reads an empty lock; a
 * stale one is moved aside by rename, which only one run can do, and put back if it turns out to
 * be another run's fresh lock.
 */
function lock(dir: string): string {
  const path = join(dir, LOCK_FILE);
  const mine = `${path}.${process.pid}`;
  try {
    writeFileSync(mine, `${process.pid}\n`);
  } catch (e) {
    throw new ReportDirError(`cannot write to the report directory ${dir} (${code(e)}): give a --report directory this user can write to`);
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, path);
        return path;
      } catch (e) {
        if (code(e) === 'EPERM' || code(e) === 'ENOTSUP' || code(e) === 'EOPNOTSUPP') {
          // A file system without hard links: create the lock directly (it is empty for an instant).
          try {
            writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
            return path;
          } catch (e2) {
            if (code(e2) !== 'EEXIST')
              throw new ReportDirError(`cannot write to the report directory ${dir} (${code(e2)}): give a --report directory this user can write to`);
          }
        } else if (code(e) !== 'EEXIST')
          throw new ReportDirError(`cannot write to the report directory ${dir} (${code(e)}): give a --report directory this user can write to`);
      }
      const holder = holderOf(path);
      if (alive(holder) && holder !== process.pid)
        throw new ReportDirError(`another run (pid ${holder}) is writing to ${dir}: wait for it to end, or give this run another --report directory`);
      const aside = `${path}.stale.${process.pid}`;
      try {
        renameSync(path, aside);
      } catch {
        continue; // another run moved it first
      }
      const moved = holderOf(aside);
      if (moved !== holder && alive(moved)) {
        // A run took the lock between our read and our rename: it is theirs.
        try {
          linkSync(aside, path);
        } catch {
          // A third run holds it now; either way it is not ours.
        }
        rmSync(aside, { force: true });
        throw new ReportDirError(`another run (pid ${moved}) is writing to ${dir}: wait for it to end, or give this run another --report directory`);
      }
      rmSync(aside, { force: true });
    }
    throw new ReportDirError(`cannot take the lock ${path}: another run keeps taking it; give this run another --report directory`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/**
 * Opens `dir` for a run that writes `formats`: created with its parents, locked, cleared of
 * temporary files and of every report file of an earlier run. Does nothing when no format is a file.
 * @throws ReportDirError when it is a file, cannot be created or written, or another run holds it
 */
export function openReportDir(dir: string, formats: readonly ReportFormat[]): ReportDir {
  const files = [...new Set(formats.filter(isFileFormat))];
  if (files.length === 0) return { dir, write: () => [], release: () => undefined };
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new ReportDirError(`--report ${dir} is a file, not a directory: give a directory (it is created if missing)`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new ReportDirError(`cannot create the report directory ${dir} (${code(e)}): give a --report directory this user can write to`);
  }
  const lockPath = lock(dir);
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    try {
      unlinkSync(lockPath);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', release);
  try {
    for (const name of readdirSync(dir)) {
      if (TEMP.test(name) || (Object.values(REPORT_FILE_NAMES) as string[]).includes(name)) rmSync(join(dir, name), { recursive: true, force: true });
    }
  } catch (e) {
    release();
    throw new ReportDirError(`cannot clear the report directory ${dir} of an earlier run's files (${code(e)})`);
  }
  return {
    dir,
    release,
    write(result) {
      const rendered = files.map((f) => ({ name: REPORT_FILE_NAMES[f], content: RENDERERS[f](result) }));
      const tmp = join(dir, `.rnn-jac-spec-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      mkdirSync(tmp);
      try {
        for (const r of rendered) {
          const fd = openSync(join(tmp, r.name), 'wx');
          try {
            writeFileSync(fd, r.content, 'utf8');
            fsyncSync(fd);
          } finally {
            closeSync(fd);
          }
        }
        for (const r of rendered) renameSync(join(tmp, r.name), join(dir, r.name));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
      return rendered.map((r) => join(dir, r.name));
    },
  };
}
