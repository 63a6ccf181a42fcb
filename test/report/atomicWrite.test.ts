import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atomicWriteFile } from '../../src/report/atomicWrite.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rjs-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('atomicWriteFile', () => {
  it('writes a new file and leaves no temp file', async () => {
    const path = join(dir, 'a.txt');
    await atomicWriteFile(path, 'héllo\n');
    expect(await readFile(path, 'utf8')).toBe('héllo\n');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('replaces an existing file', async () => {
    const path = join(dir, 'a.txt');
    await writeFile(path, 'old content that is longer');
    await atomicWriteFile(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('survives concurrent writers to the same target', async () => {
    const path = join(dir, 'a.txt');
    const contents = Array.from({ length: 20 }, (_, i) => `writer ${i}\n`.repeat(1000));
    await Promise.all(contents.map((c) => atomicWriteFile(path, c)));
    expect(contents).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('rejects when the directory is a file, creating nothing', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(atomicWriteFile(join(dir, 'file', 'a.txt'), 'y')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['file']);
  });

  it('rejects when the rename fails and removes its temp file', async () => {
    const target = join(dir, 'report.json');
    await mkdir(target);
    await writeFile(join(target, 'keep'), 'x'); // a non-empty directory cannot be renamed over
    await expect(atomicWriteFile(target, 'y')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['report.json']);
    expect(await readdir(target)).toEqual(['keep']);
  });
});
