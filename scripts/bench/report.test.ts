import { describe, expect, it } from 'vitest';
import {
  cells, formatRatio, formatRows, formatValue, goalMet, goalSummary, goalText, markdownDocument, markdownRows, row, skippedRow,
  type Machine, type Row,
} from './report';

const saveRow = row('save, 1 MB workspace', 6.84, 'ms', 4.77, 'JSON.stringify + writeFile + rename', { of: 'ratio', op: '≤', limit: 1.5 });
const burstRow = row('burst of 1,000 edits: disk writes', 1, 'writes', 1000, 'edits awaited one by one', { of: 'value', op: '≤', limit: 2 });
const engineRow = row('segment + score | 100 kB', 42.6, 'MB/s', 1.32, 'Intl.Segmenter', { of: 'value', op: '≥', limit: 20 });

const machine: Machine = {
  cpu: 'Test CPU',
  cores: 2,
  memoryGiB: 8,
  os: 'TestOS 1',
  node: 'v20.0.0',
  chromium: 'Chromium 1.2.3',
  tempDir: '/tmp',
  tempDisk: '/dev/test, ext4',
  date: '2026-01-01T00:00:00Z',
};

describe('bench report formatting', () => {
  it('computes the ratio as value ÷ baseline', () => {
    expect(saveRow.ratio).toBeCloseTo(6.84 / 4.77);
    expect(burstRow.ratio).toBe(0.001);
  });

  it('formats values by unit and size', () => {
    expect(formatValue(6.844, 'ms')).toBe('6.84 ms');
    expect(formatValue(59.71, 'ms')).toBe('59.7 ms');
    expect(formatValue(11866.2, 'ms')).toBe('11,866 ms');
    expect(formatValue(1, 'writes')).toBe('1 write');
    expect(formatValue(1000, 'writes')).toBe('1,000 writes');
    expect(formatValue(1.318, 'MB/s')).toBe('1.32 MB/s');
    expect(formatValue(42.63, 'MB/s')).toBe('42.6 MB/s');
    expect(formatValue(NaN, 'ms')).toBe('—');
  });

  it('formats ratios with sensible precision', () => {
    expect(formatRatio(1.434)).toBe('1.43×');
    expect(formatRatio(0.0123)).toBe('0.012×');
    expect(formatRatio(32.27)).toBe('32.3×');
    expect(formatRatio(346.4)).toBe('346×');
    expect(formatRatio(Infinity)).toBe('—');
  });

  it('states goals and checks them on the value or on the ratio', () => {
    expect(goalText(saveRow.goal!, 'ms')).toBe('ratio ≤ 1.5×');
    expect(goalText({ of: 'value', op: '<', limit: 1000 }, 'ms')).toBe('< 1,000 ms');
    expect(goalText({ of: 'value', op: '<', limit: 50 }, 'ms')).toBe('< 50 ms');
    expect(goalText(burstRow.goal!, 'writes')).toBe('≤ 2 writes');
    expect(goalText(engineRow.goal!, 'MB/s')).toBe('≥ 20 MB/s');
    expect(goalMet(saveRow.goal!, saveRow)).toBe(true);
    expect(goalMet(saveRow.goal!, { value: 8, ratio: 1.6 })).toBe(false);
    expect(goalMet({ of: 'value', op: '<', limit: 50 }, { value: 50, ratio: 1 })).toBe(false);
    expect(goalMet({ of: 'value', op: '≤', limit: 2 }, { value: 2, ratio: 1 })).toBe(true);
    expect(goalMet(engineRow.goal!, engineRow)).toBe(true);
    expect(goalMet(engineRow.goal!, { value: NaN, ratio: NaN })).toBe(false);
  });

  it('gives each row its cells, and says why a row was not measured', () => {
    expect(cells(saveRow)).toEqual(['save, 1 MB workspace', '6.84 ms', '4.77 ms (JSON.stringify + writeFile + rename)', '1.43×', 'ratio ≤ 1.5×', 'yes']);
    expect(cells(row('no goal', 2, 'ms', 1, 'base'))).toEqual(['no goal', '2.00 ms', '1.00 ms (base)', '2.00×', '', '']);
    expect(cells(row('missed', 3, 'writes', 1000, 'naive', { of: 'value', op: '≤', limit: 2 })).at(-1)).toBe('NO');
    expect(cells(skippedRow('ui', 'the app did not build'))).toEqual(['ui', '—', '—', '—', '', 'not measured: the app did not build']);
  });

  it('prints one aligned table: metric left, the rest right', () => {
    const lines = formatRows([saveRow, burstRow]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^metric\s+value\s+baseline \(same run\)\s+ratio\s+goal\s+met$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[1]!.startsWith('save, 1 MB workspace ')).toBe(true);
    expect(lines[2]).toMatch(/0\.001×\s+≤ 2 writes\s+yes$/);
  });

  it('writes the same table in Markdown, escaping pipes', () => {
    const md = markdownRows([engineRow]).split('\n');
    expect(md[0]).toBe('| metric | value | baseline (same run) | ratio | goal | met |');
    expect(md[1]).toBe('| --- | ---: | ---: | ---: | ---: | ---: |');
    expect(md[2]).toBe('| segment + score \\| 100 kB | 42.6 MB/s | 1.32 MB/s (Intl.Segmenter) | 32.3× | ≥ 20 MB/s | yes |');
  });

  it('counts goals met; a skipped row with a goal is not met', () => {
    const rows: Row[] = [saveRow, burstRow, row('info', 1, 'ms', 1, 'b'), skippedRow('ui', 'no browser', { of: 'value', op: '<', limit: 50 })];
    expect(goalSummary(rows)).toEqual({ met: 2, total: 3, missed: ['ui'] });
  });

  it('makes the document: machine, table, summary and each part’s notes', () => {
    const doc = markdownDocument({
      machine,
      parts: [
        { part: 'Saving', rows: [saveRow, burstRow], notes: ['Each save is a real edit.'] },
        { part: 'Engine', rows: [engineRow], notes: [] },
      ],
      command: 'npm run bench',
      durationS: 123.4,
      intro: 'Intro text.',
    });
    expect(doc.startsWith('# Performance\n\nIntro text.\n')).toBe(true);
    expect(doc).toContain('Generated by `npm run bench` (123 s)');
    expect(doc).toContain('- CPU: Test CPU, 2 cores\n- Memory: 8 GiB\n- OS: TestOS 1\n- Node: v20.0.0\n- Chromium: Chromium 1.2.3\n- Temp folder: /tmp on /dev/test, ext4\n');
    expect(doc).toContain(markdownRows([saveRow, burstRow, engineRow]));
    expect(doc).toContain('Goals met: 3 of 3.');
    expect(doc).toContain('### Saving\n\n- Each save is a real edit.');
    expect(doc).not.toContain('### Engine');
    expect(doc.endsWith('\n')).toBe(true);
  });
});
