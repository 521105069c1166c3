/** Throughput of `run` over `text` in MB/s (UTF-16 length as bytes of ASCII-like text): median of timed rounds after a warm-up. */
export function throughput(text: string, run: (text: string) => unknown, minMs = 300, warmUpMs = 300): number {
  // Warm up for a while, not once: otherwise small inputs measure V8's compiler, not the code.
  const warm = performance.now() + warmUpMs;
  do run(text);
  while (performance.now() < warm);
  const rates: number[] = [];
  const until = performance.now() + minMs;
  while (rates.length < 3 || (performance.now() < until && rates.length < 50)) {
    const started = performance.now();
    run(text);
    const seconds = (performance.now() - started) / 1000;
    rates.push(text.length / 1e6 / Math.max(seconds, 1e-9));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
}

export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}
