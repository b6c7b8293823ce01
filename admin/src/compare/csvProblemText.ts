/**
 * A CSV upload's problem as a person reads it: by the row of the file (as a spreadsheet numbers it,
 * the heading row being row 1) rather than the problem's pointer, which counts people from 1.
 */
export function csvProblemText(problem: { pointer: string; message: string }): string {
  const line = /^line (\d+): (.*)$/s.exec(problem.message);
  if (!line) return `${problem.pointer.replace('/rows/', 'row ').replaceAll('/', ', ')}: ${problem.message}`;
  const [, row, text] = line as unknown as [string, string, string];
  if (text.startsWith('the row has ')) return `Row ${row} has ${text.slice('the row has '.length)}.`;
  return `Row ${row}: ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
