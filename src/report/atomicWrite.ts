import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the whole new one, never a part:
 * the content goes to a uniquely named temp file in the same directory
 * (`.<name>.<pid>.<random>.tmp`, same file system so the rename is atomic), is fsynced, then
 * renamed over `path`. On any error the temp file is removed and the error rethrown.
 * @param path - the target file; its directory must exist
 * @param content - the text, written as UTF-8
 */
export async function atomicWriteFile(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(tmp, 'wx'); // wx: never clobber another writer's temp file
    created = true;
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync(); // data on disk before the rename makes it visible
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    if (created) await rm(tmp, { force: true }).catch(() => undefined); // keep the original error
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable; best effort, since some platforms (Windows) cannot open a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file is complete and in place; only durability across a power loss is weaker.
  }
}
