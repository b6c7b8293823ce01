/**
 * The published RAS: councils must publish how personal budgets are worked out, so ratified versions
 * (and only those) can be read without signing in. Drafts and submitted versions stay private.
 */

import { today } from '../clock.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../http/errors.js';
import { countsForDates, versionInForce } from '../domain/in-force.js';
import { asOfQuery } from '../http/query.js';
import { route, type RouteSpec } from '../route-table.js';
import type { VersionRecord } from '../store/records.js';
import { checkpointLine } from '../audit/checkpoint.js';
import { impactSummary, transparencyRecord } from '../transparency/atrs-record.js';
import { evaluateWith } from './evaluate.js';
import { requireInForce } from '../services/versions.js';

export function publishedRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route(
      'get',
      '/api/public/policies',
      'public',
      'Published schemes, each with its version in force today',
      (_req, res) => {
        const date = today(ctx.clock);
        const versions = ctx.store.all('versions');
        res.json(
          ctx.store
            .all('policies')
            .map((p) => {
              const published = versions.filter((v) => v.policyId === p.id && isPublished(v));
              const inForce = versionInForce(versions, p.id, date);
              return {
                id: p.id,
                // Called by its title now: the version in force, else the newest published, never the first version's.
                title: (inForce ?? published.at(-1))?.document.title ?? p.title,
                council: p.council,
                inForce: inForce ? { version: inForce.version, effectiveFrom: inForce.ratification!.effectiveFrom } : null,
                versions: published.map((v) => ({ version: v.version, status: v.status, effectiveFrom: v.ratification!.effectiveFrom })),
              };
            })
            .filter((p) => p.versions.length > 0),
        );
      },
      { answers: { status: 200, schema: { listOf: 'PublishedPolicy' } } },
    ),

    route(
      'get',
      '/api/public/policies/:id/in-force',
      'public',
      'The published version in force on a date (default today)',
      (req, res) => {
        const date = asOfQuery(req.query, 'date') ?? today(ctx.clock);
        const version = requireInForce(ctx.store, String(req.params.id), date);
        res.json(publishedView(version, ctx.store.trustedKeys[0]!));
      },
      { answers: { status: 200, schema: 'PublishedVersion' } },
    ),

    route(
      'get',
      '/api/public/policies/:id/versions/:version',
      'public',
      'A published (ratified) version: the whole RAS and its ratification record',
      (req, res) => {
        res.json(publishedView(requirePublished(String(req.params.id), String(req.params.version)), ctx.store.trustedKeys[0]!));
      },
      { answers: { status: 200, schema: 'PublishedVersion' } },
    ),

    route(
      'get',
      '/api/public/policies/:id/versions/:version/transparency-record',
      'public',
      "A published version's Algorithmic Transparency Recording Standard record (tiers 1 and 2), generated from the version and its ratification",
      (req, res) => {
        const version = requirePublished(String(req.params.id), String(req.params.version));
        res.json(transparencyRecord(version, version.ratification!, ctx.store.trustedKeys[0]!));
      },
      { answers: { status: 200, schema: 'TransparencyRecord' } },
    ),

    route(
      'get',
      '/api/public/checkpoints',
      'public',
      "The council's audit public key, and the signed checkpoint of each published version's ratification: what `ras audit verify --published` checks a record against",
      (_req, res) => {
        const published = ctx.store.all('versions').filter((v) => isPublished(v) && v.ratification!.checkpoint);
        res.json({
          auditKey: ctx.store.trustedKeys[0]!,
          checkpoints: published.map((v) => ({
            policyId: v.policyId,
            version: v.version,
            line: checkpointLine(v.ratification!.checkpoint!),
          })),
        });
      },
      { answers: { status: 200, schema: 'PublishedCheckpoints' } },
    ),
  ];

  function requirePublished(policyId: string, name: string): VersionRecord {
    const version = ctx.store.all('versions').find((v) => v.policyId === policyId && v.version === name && isPublished(v));
    if (!version) throw new HttpProblem(404, 'not_published', `Policy '${policyId}' has no published version '${name}'.`);
    return version;
  }
}

function withoutReference(assessment: unknown): unknown {
  const { reference: _reference, ...rest } = assessment as { reference?: unknown };
  return rest;
}

function isPublished(version: VersionRecord): boolean {
  return countsForDates(version) && version.ratification !== null;
}

/**
 * What the public sees: the policy, who decided it and when, and its first worked example worked out, so a
 * reader can follow one case in pounds; not who edited drafts or the comparison data.
 */
function publishedView(v: VersionRecord, auditKey: string) {
  const example = v.examples[0];
  // A worked example may be a real case kept by an officer: the public sees how it is worked out, never its reference.
  const workedExample = example
    ? { name: example.name, result: evaluateWith(v, withoutReference(example.assessment), example.asOf) }
    : null;
  const { body, decisionDate, minuteReference, rationale, effectiveFrom, equalityImpact, auditAnchor, checkpoint } = v.ratification!;
  return {
    policyId: v.policyId,
    version: v.version,
    status: v.status,
    contentHash: v.contentHash,
    document: v.document,
    ratification: {
      body,
      decisionDate,
      minuteReference,
      rationale,
      effectiveFrom,
      ...(equalityImpact ? { equalityImpact } : {}),
      // Where the audit chain stood when this version was ratified: anyone who keeps it can check the chain still passes through it.
      ...(auditAnchor ? { auditAnchor } : {}),
      // The same, signed with the audit key: a line to keep, which `ras audit verify --checkpoints` checks the record against.
      ...(checkpoint ? { checkpoint: checkpointLine(checkpoint) } : {}),
    },
    auditKey,
    superseded: v.superseded ? { by: v.superseded.by, from: v.superseded.from } : null,
    workedExample,
    // Who gains and who loses, as the ratification's comparison found (aggregates; small groups withheld).
    equalities: impactSummary(v.ratification!.comparison),
  };
}
