/**
 * The HTML report of a failing run (examples/transposed-adapter.mjs, Wᵀ·diag(σ')) in a real headless
 * browser: Debian's Chromium driven by playwright-core (no browser download). It renders, fetches
 * nothing, the failure has its three heatmaps, the transpose is visible in their colours, and a
 * screenshot is taken. Without Chromium the test is skipped and says why, unless
 * RNN_JAC_SPEC_REQUIRE_BROWSER=1 (.ci/run sets it and installs Chromium).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, removeReportDirs, reportDir } from '../cli/harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const required = process.env.RNN_JAC_SPEC_REQUIRE_BROWSER === '1';
if (CHROMIUM === undefined && !required) console.warn('htmlBrowser.test.ts skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)');

describe.skipIf(CHROMIUM === undefined && !required)('HTML report in headless Chromium', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = reportDir();
    const r = cli([
      '--adapter',
      './examples/transposed-adapter.mjs',
      '--properties',
      'step-jacobian',
      '--dtype',
      'float64',
      '--format',
      'html,json',
      '--report',
      dir,
    ]);
    expect(r.status).toBe(1);
  });
  afterAll(removeReportDirs);

  it('renders the failure with expected, actual and difference heatmaps, fetches nothing, and takes a screenshot', async () => {
    expect(CHROMIUM, 'Chromium is required here (RNN_JAC_SPEC_REQUIRE_BROWSER=1): apt-get install chromium').toBeDefined();
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const fetched: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (!url.startsWith('file:')) fetched.push(url);
        return url.startsWith('file:') ? route.continue() : route.abort();
      });
      const file = join(dir, 'rnn-jac-spec.html');
      await page.goto(pathToFileURL(file).href);
      expect(await page.title()).toBe('rnn-jac-spec report: transposed');
      const failure = page.locator('section.failure').first();
      await expect(failure.locator('h3').textContent()).resolves.toContain('step-jacobian (RJS-STEP) on transposed/default/default/float64');
      const kinds = await failure.locator('svg.heatmap').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-kind')));
      expect(kinds).toEqual(['expected', 'actual', 'difference']);
      // The shrunk case is 2×2 with one nonzero entry of W, off the diagonal: expected has its one
      // coloured cell there, the transposed actual at the mirrored cell, and the difference at both,
      // in opposite colours.
      const fills = await failure
        .locator('svg.heatmap')
        .evaluateAll((svgs) =>
          svgs.map((s) =>
            [...s.querySelectorAll('rect[width]:not([fill="none"])')].map(
              (r) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(r).fill,
            ),
          ),
        );
      const rgb = (c: string) => /^rgb\((\d+), (\d+), (\d+)\)$/.exec(c)!.slice(1).map(Number);
      const red = (c: string) => {
        const [r, g, b] = rgb(c);
        return r > 150 && g < 120 && b < 120;
      };
      const blue = (c: string) => {
        const [r, , b] = rgb(c);
        return b > 150 && r < 120;
      };
      const coloured = (c: string) => red(c) || blue(c);
      expect(fills.map((f) => f.length)).toEqual([4, 4, 4]);
      const at = fills[0].findIndex(coloured);
      const mirrored = at === 1 ? 2 : 1;
      expect([1, 2]).toContain(at);
      expect(fills[0].map(coloured)).toEqual([0, 1, 2, 3].map((i) => i === at));
      expect(fills[1].map(coloured)).toEqual([0, 1, 2, 3].map((i) => i === mirrored));
      expect(fills[2].map(coloured)).toEqual([false, true, true, false]);
      expect(red(fills[2][1])).toBe(blue(fills[2][2]));
      await expect(failure.locator('.diagnosis').textContent()).resolves.toMatch(/Diagnosis: transpose-W/);
      await expect(page.locator('svg.histogram').count()).resolves.toBeGreaterThan(0);
      const shot = join(dir, 'heatmaps.png');
      await failure.locator('.heatmaps').screenshot({ path: shot });
      const png = readFileSync(shot);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(1000);
      // The screenshot itself shows the cells: decode it in the browser and count red and blue pixels.
      await page.setContent(`<canvas id="c"></canvas><img id="i" src="data:image/png;base64,${png.toString('base64')}">`);
      const counts = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: runs in the browser; the tsconfig has no DOM types for the image, canvas and context
        const d = (globalThis as unknown as { document: { getElementById(id: string): any } }).document;
        const img = d.getElementById('i');
        await img.decode();
        const canvas = d.getElementById('c');
        [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data as Uint8ClampedArray;
        let red = 0;
        let blue = 0;
        for (let k = 0; k < px.length; k += 4) {
          if (px[k] > 150 && px[k + 1] < 60 && px[k + 2] < 80) red++;
          if (px[k + 2] > 150 && px[k] < 60) blue++;
        }
        return { red, blue, width: canvas.width };
      });
      // Three heatmaps side by side, each 2×2 cells of 64 px: one coloured cell in expected and in
      // actual (the same colour), a red and a blue one in the difference.
      expect(counts.width).toBeGreaterThan(3 * 128);
      expect(counts.red + counts.blue).toBeGreaterThan(4 * 50 * 50);
      expect(Math.min(counts.red, counts.blue)).toBeGreaterThan(50 * 50);
      expect(fetched).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
