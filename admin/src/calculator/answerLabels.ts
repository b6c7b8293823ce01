/** How answers and their points are named wherever a questionnaire is shown: the calculator and the published RAS. */

import { formatNumber } from '../format';

export const pointsWord = (n: number) => (n === 1 ? '1 point' : `${formatNumber(n)} points`);
/** The label of an answer's radio button, e.g. "Some help (10 points)". */
export const answerLabel = (a: { text: string; points: number }) => `${a.text} (${pointsWord(a.points)})`;
