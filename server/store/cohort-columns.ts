/**
 * An encoded cohort as compact JSON for storage: typed columns as base64, lists as they are. A
 * hundred thousand people take a few megabytes instead of the tens a list of objects would.
 */

import type { AgeBand, EncodedCohort } from '../../engine/index.js';

export interface SerializedCohort {
  format: 'ras-cohort-columns/1';
  size: number;
  refs: string[];
  clientGroups: string[];
  clientGroupOf: string;
  ageBands: AgeBand[];
  ageBandOf: string;
  columns: Array<{ questionId: string; answerIds: string[]; codes: string }>;
  carerLevels: string[];
  carerImpacts: string[];
  carerFlags: string;
  carerLevelOf: string;
  carerImpactOf: string;
  currentAnnualCostPence: string;
}

const b64 = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

function typed<T extends Uint8Array | Uint16Array | Float64Array>(
  text: string,
  make: (buffer: ArrayBuffer) => T,
  size: number,
  what: string,
): T {
  const bytes = Buffer.from(text, 'base64');
  const width = make(new ArrayBuffer(0)).BYTES_PER_ELEMENT;
  if (bytes.byteLength % width !== 0)
    throw new Error(`stored cohort column ${what} has ${bytes.byteLength} bytes, not a whole number of ${width}-byte entries`);
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  const array = make(copy);
  if (array.length !== size) throw new Error(`stored cohort column ${what} has ${array.length} entries, expected ${size}`);
  return array;
}

export function serializeCohort(cohort: EncodedCohort): SerializedCohort {
  return {
    format: 'ras-cohort-columns/1',
    size: cohort.size,
    refs: [...cohort.refs],
    clientGroups: [...cohort.clientGroups],
    clientGroupOf: b64(cohort.clientGroupOf),
    ageBands: [...cohort.ageBands],
    ageBandOf: b64(cohort.ageBandOf),
    columns: cohort.columns.map((c) => ({ questionId: c.questionId, answerIds: c.answerIds, codes: b64(c.codes) })),
    carerLevels: [...cohort.carerLevels],
    carerImpacts: [...cohort.carerImpacts],
    carerFlags: b64(cohort.carerFlags),
    carerLevelOf: b64(cohort.carerLevelOf),
    carerImpactOf: b64(cohort.carerImpactOf),
    currentAnnualCostPence: b64(cohort.currentAnnualCostPence),
  };
}

export function deserializeCohort(stored: SerializedCohort): EncodedCohort {
  if (stored.format !== 'ras-cohort-columns/1') throw new Error(`unknown stored cohort format '${stored.format}'`);
  const n = stored.size;
  const u16 = (text: string, what: string) => typed(text, (b) => new Uint16Array(b), n, what);
  return {
    size: n,
    refs: stored.refs,
    clientGroups: stored.clientGroups,
    clientGroupOf: u16(stored.clientGroupOf, 'clientGroupOf'),
    ageBands: stored.ageBands,
    ageBandOf: u16(stored.ageBandOf, 'ageBandOf'),
    columns: stored.columns.map((c) => ({ questionId: c.questionId, answerIds: c.answerIds, codes: u16(c.codes, c.questionId) })),
    carerLevels: stored.carerLevels,
    carerImpacts: stored.carerImpacts,
    carerFlags: typed(stored.carerFlags, (b) => new Uint8Array(b), n, 'carerFlags'),
    carerLevelOf: u16(stored.carerLevelOf, 'carerLevelOf'),
    carerImpactOf: u16(stored.carerImpactOf, 'carerImpactOf'),
    currentAnnualCostPence: typed(stored.currentAnnualCostPence, (b) => new Float64Array(b), n, 'currentAnnualCostPence'),
  };
}
