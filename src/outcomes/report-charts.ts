import type PDFDocument from 'pdfkit';
import { Cell, displayCell, isShown } from '../../projections/outcomes/cells';
import { da } from './report-labels.da';

type Doc = InstanceType<typeof PDFDocument>;

/** The report's colours: the web app's blue and a grey, readable printed in black and white. */
export const COLOURS = { first: '#9aa5b1', last: '#1d4ed8', bar: '#1d4ed8', text: '#111827', muted: '#4b5563', rule: '#d1d5db' };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Before and after: per group two bars, the mean first and the mean last
 * UCLA-3 score (scale 3–9), drawn with pdfkit's vector paths. A group whose
 * means are suppressed gets "< 5" and no bars.
 */
export function pairedBars(doc: Doc, box: Box, groups: ReadonlyArray<{ label: string; first: Cell; last: Cell }>): void {
  const axis = { min: 3, max: 9 };
  const plot = { x: box.x + 28, y: box.y + 8, width: box.width - 28, height: box.height - 48 };
  const yOf = (score: number) => plot.y + plot.height - ((score - axis.min) / (axis.max - axis.min)) * plot.height;
  doc.save().fontSize(8).fillColor(COLOURS.muted);
  for (let score = axis.min; score <= axis.max; score++) {
    doc.moveTo(plot.x, yOf(score)).lineTo(plot.x + plot.width, yOf(score)).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
    doc.text(String(score), box.x, yOf(score) - 4, { width: 22, align: 'right' });
  }
  // "Alvorlig ensomhed" from 7: a dashed line.
  doc.moveTo(plot.x, yOf(7)).lineTo(plot.x + plot.width, yOf(7)).dash(3, { space: 2 }).lineWidth(1).strokeColor('#b91c1c').stroke().undash();
  const slot = plot.width / Math.max(1, groups.length);
  const bar = Math.min(26, slot / 3);
  groups.forEach((group, i) => {
    const left = plot.x + i * slot + slot / 2 - bar;
    if (isShown(group.first) && isShown(group.last)) {
      for (const [n, value, colour] of [[0, group.first, COLOURS.first], [1, group.last, COLOURS.last]] as const) {
        const top = yOf(value);
        doc.rect(left + n * bar, top, bar - 2, plot.y + plot.height - top).fillColor(colour).fill();
        doc.fillColor(COLOURS.text).fontSize(8).text(da(value), left + n * bar - 4, top - 11, { width: bar + 6, align: 'center' });
      }
    } else {
      doc.fillColor(COLOURS.muted).fontSize(9).text(displayCell(isShown(group.first) ? group.last : group.first), left, plot.y + plot.height - 14, { width: bar * 2, align: 'center' });
    }
    doc.fillColor(COLOURS.text).fontSize(8).text(group.label, plot.x + i * slot, plot.y + plot.height + 4, { width: slot, align: 'center' });
  });
  legend(doc, box.x + 28, box.y + box.height - 12, [['Første måling', COLOURS.first], ['Sidste måling', COLOURS.last], ['Alvorlig ensomhed (7 og derover)', '#b91c1c']]);
  doc.restore();
}

/** Vertical bars of counts (a distribution), "< 5" where a count is suppressed. */
export function countBars(doc: Doc, box: Box, bars: ReadonlyArray<{ label: string; value: Cell }>): void {
  const shown = bars.map((b) => (isShown(b.value) ? b.value : 0));
  const max = Math.max(5, ...shown);
  const plot = { x: box.x + 10, y: box.y + 14, width: box.width - 10, height: box.height - 34 };
  const slot = plot.width / Math.max(1, bars.length);
  doc.save();
  doc.moveTo(plot.x, plot.y + plot.height).lineTo(plot.x + plot.width, plot.y + plot.height).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
  bars.forEach((b, i) => {
    const left = plot.x + i * slot + slot * 0.2;
    const width = slot * 0.6;
    if (isShown(b.value)) {
      const height = (b.value / max) * plot.height;
      doc.rect(left, plot.y + plot.height - height, width, height).fillColor(COLOURS.bar).fill();
      doc.fillColor(COLOURS.text).fontSize(9).text(String(b.value), left, plot.y + plot.height - height - 12, { width, align: 'center' });
    } else {
      doc.fillColor(COLOURS.muted).fontSize(9).text(displayCell(b.value), left, plot.y + plot.height - 12, { width, align: 'center' });
    }
    doc.fillColor(COLOURS.text).fontSize(8).text(b.label, plot.x + i * slot, plot.y + plot.height + 4, { width: slot, align: 'center' });
  });
  doc.restore();
}

/** A funnel: horizontal bars, each step as wide as its share of the first. */
export function funnel(doc: Doc, box: Box, steps: ReadonlyArray<{ label: string; value: Cell }>): void {
  const first = steps[0] && isShown(steps[0].value) ? steps[0].value : undefined;
  const row = box.height / Math.max(1, steps.length);
  const labelWidth = 170;
  doc.save();
  steps.forEach((step, i) => {
    const y = box.y + i * row;
    doc.fillColor(COLOURS.text).fontSize(9).text(step.label, box.x, y + row / 2 - 5, { width: labelWidth - 8 });
    const full = box.width - labelWidth - 40;
    if (first !== undefined && isShown(step.value)) {
      const width = Math.max(2, (step.value / first) * full);
      doc.rect(box.x + labelWidth, y + 3, width, row - 6).fillColor(COLOURS.bar).fill();
      doc.fillColor(COLOURS.text).text(String(step.value), box.x + labelWidth + width + 4, y + row / 2 - 5);
    } else {
      doc.fillColor(COLOURS.muted).text('< 5', box.x + labelWidth, y + row / 2 - 5);
    }
  });
  doc.restore();
}

function legend(doc: Doc, x: number, y: number, items: ReadonlyArray<[string, string]>): void {
  let at = x;
  for (const [label, colour] of items) {
    doc.rect(at, y, 8, 8).fillColor(colour).fill();
    doc.fillColor(COLOURS.text).fontSize(8).text(label, at + 11, y, { lineBreak: false });
    at += 11 + doc.widthOfString(label) + 14;
  }
}
