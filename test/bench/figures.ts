// One measured figure, and the two ways the bench reports them: a Markdown table for people (and
// README.md) and a flat JSON object for scripts.

export interface Figure {
  /** Stable key in the JSON output, e.g. pix_calls_per_s. */
  key: string;
  /** null when the figure could not be measured on this machine (about says why). */
  value: number | null;
  unit: string;
  /** What it measures and how. */
  about: string;
}

const SIGNIFICANT_DIGITS = 3;

/** Three significant digits, without exponent notation and with thousands grouped. */
export function formatValue(value: number | null): string {
  if (value === null) return 'skipped';
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, SIGNIFICANT_DIGITS - 1 - magnitude);
  const rounded = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  return rounded.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function markdownTable(figures: Figure[]): string {
  const rows = [['name', 'value', 'unit', 'what it measures / how'], ...figures.map((f) => [`\`${f.key}\``, formatValue(f.value), f.unit, f.about])];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]) => `| ${row.map((cell, col) => (col === 1 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join(' | ')} |`;
  const rule = `|${widths.map((w, col) => (col === 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The same figures as one flat object; values keep four significant digits. */
export function figuresJson(figures: Figure[]): Record<string, number | null> {
  return Object.fromEntries(figures.map((f) => [f.key, f.value === null ? null : Number(f.value.toPrecision(4))]));
}
