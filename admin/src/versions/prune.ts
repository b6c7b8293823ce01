const OPTIONAL_TEXT = new Set(['help', 'description', 'url']);
/** The publication section's texts are all optional: an emptied one is left out, and an empty section too. */
const PUBLICATION_TEXT = new Set(['nextSteps', 'review', 'purpose', 'risks', 'phone', 'email', 'web', 'address']);

/** Inputs leave null for an emptied number and '' for an emptied optional text: the schema wants them absent. */
export function prune(value: unknown, key = '', inBands = false): unknown {
  if (Array.isArray(value)) return value.map((v) => prune(v, '', inBands || key === 'bands'));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (v === '' && (OPTIONAL_TEXT.has(k) || PUBLICATION_TEXT.has(k) || (inBands && k === 'label'))) continue;
    const pruned = prune(v, k, inBands);
    // A maximum whose amount was left empty is no maximum (the route's words alone mean nothing).
    if (k === 'maximum' && (pruned as { pence?: unknown }).pence === undefined) continue;
    if ((k === 'lesserOfRequested' || k === 'contribution') && !(pruned as { label?: unknown }).label) continue;
    if (k === 'contact' && !(pruned as { name?: unknown }).name) continue;
    if (k === 'publication' && Object.keys(pruned as object).length === 0) continue;
    if ((k === 'outcomes' || k === 'facts' || k === 'eligibility') && Array.isArray(pruned) && pruned.length === 0) continue;
    out[k] = pruned;
  }
  return out;
}
