/** How far an import has got, for a progress bar. */
export interface ImportProgress {
  /** `listing`: reading a source's pages (done of total pages, when it says); `importing`: records written. */
  phase: 'listing' | 'importing';
  done: number;
  total: number | null;
}

/** The line a progress display shows for records written: `Imported 40/200 grants (20%)`. */
export function progressLine(done: number, total: number, unit: string): string {
  return `Imported ${done}/${total} ${unit} (${Math.floor((done / total) * 100)}%)`;
}

/** A text bar of `width` characters, filled as far as the import has got: `[#####.....] `. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] `;
}
