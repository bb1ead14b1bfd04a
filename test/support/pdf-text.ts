import { spawnSync } from 'node:child_process';

/**
 * The text of a PDF and its number of pages, read with pdf-parse (pdf.js) in
 * a child process: pdf.js loads its worker with a dynamic import, which
 * Jest's module runtime cannot do on Node 20 without --experimental-vm-modules.
 */
export function pdfText(pdf: Buffer): { text: string; pages: number } {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parsed = await new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) }).getText();
      process.stdout.write(JSON.stringify({ text: parsed.text, pages: parsed.total }));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { input: pdf, cwd: `${__dirname}/../..`, timeout: 20_000, maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pdf-parse failed: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString()) as { text: string; pages: number };
}

/** A page of a PDF drawn as a PNG (pdf.js on @napi-rs/canvas, through pdf-parse), for the README's picture. */
export function pdfPagePng(pdf: Buffer, page = 1, scale = 1.5): Buffer {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const shot = await new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) }).getScreenshot({ partial: [${Number(page)}], scale: ${Number(scale)} });
      process.stdout.write(Buffer.from(shot.pages[0].data));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { input: pdf, cwd: `${__dirname}/../..`, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pdf-parse failed: ${run.stderr.toString()}`);
  return run.stdout;
}
