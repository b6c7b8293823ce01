/**
 * The problems an import reports, in one shape for both formats, and the list that caps them so a
 * bad file yields a readable answer rather than thousands of lines.
 */

/** One problem with one person (row ≥ 1), or with the document or header (row 0). */
export interface RowIssue {
  /** 1-based person number: the index in `people` + 1, or the CSV data row (the header is row 0). */
  row: number;
  /** CSV only: the line of the file the row starts on (the header is line 1). */
  line?: number;
  /** JSON: the person's field ('ageBand', 'answers.pc-washing', 'carer.impact'); CSV: the column name. */
  field: string;
  code: string;
  message: string;
}

/** Enough to fix a file in one pass without flooding a screen or a response. */
export const MAX_ISSUES = 100;

/** Counts every problem, keeps the first MAX_ISSUES, and says how many more there were. */
export class IssueList {
  private readonly kept: RowIssue[] = [];
  private readonly fields = new Set<string>();
  count = 0;

  add(issue: RowIssue): void {
    this.count++;
    this.fields.add(`${issue.row}|${issue.field}`);
    if (this.kept.length < MAX_ISSUES) this.kept.push(issue);
  }

  addAll(issues: readonly RowIssue[]): void {
    for (const issue of issues) this.add(issue);
  }

  has(row: number, field: string): boolean {
    return this.fields.has(`${row}|${field}`);
  }

  finish(): RowIssue[] {
    const more = this.count - this.kept.length;
    return more > 0
      ? [
          ...this.kept,
          {
            row: 0,
            field: '',
            code: 'too_many_issues',
            message: `and ${more} more ${more === 1 ? 'problem' : 'problems'} not listed: fix these and check again`,
          },
        ]
      : [...this.kept];
  }
}

export function byRowThenLine(a: RowIssue, b: RowIssue): number {
  // The "and N more" note stays last whatever its row.
  if (a.code === 'too_many_issues' || b.code === 'too_many_issues')
    return a.code === 'too_many_issues' ? 1 : b.code === 'too_many_issues' ? -1 : 0;
  return a.row - b.row;
}
