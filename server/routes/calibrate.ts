import type { Policy } from '../../engine/index.js';
import { authorsCarriedBy } from '../domain/lifecycle.js';
import { today } from '../clock.js';
import { cohortInput } from '../services/cohorts.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../http/errors.js';
import { created, etag } from './answer-headers.js';
import { route, type RouteSpec } from '../route-table.js';
import { may } from '../domain/permissions.js';
import { etagOf, requireVersion, runCommand, versionLinks } from '../services/versions.js';

export function calibrateRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route(
      'post',
      '/api/policies/:id/versions/:version/calibrate',
      'calibration.run',
      'Affordability over a cohort, the price per point (or band scaling) that fits a budget after contingency, and a sensitivity table; an officer may save it as a new draft',
      async (req, res, body) => {
        if (body.saveAs && !may(req.caller!.roles, 'calibration.save'))
          throw new HttpProblem(403, 'role_required', 'Saving a calibrated draft needs the officer role.');
        const source = requireVersion(ctx.store, String(req.params.id), String(req.params.version));
        const { cohort } = await cohortInput(ctx.store, body.cohortId);
        const asOf = body.asOf ?? today(ctx.clock);
        const { calibration: result, comparison: comparisonSummary } = await ctx.work.calibrate(
          cohort,
          { version: source.version, policy: source.document },
          {
            asOf,
            budgetPence: body.budgetPence,
            contingencyPercent: body.contingencyPercent ?? 0,
            sensitivityPercents: body.sensitivityPercents,
          },
          body.saveAs,
        );
        const summary = {
          ...result,
          calibratedPolicy: undefined,
          cohortId: body.cohortId,
          asOf,
          source: { version: source.version, contentHash: source.contentHash },
        };
        if (!body.saveAs) {
          res.json({ ...summary, calibratedPolicy: result.calibratedPolicy });
          return;
        }
        const document: Policy = { ...result.calibratedPolicy, version: body.saveAs };
        // The work pool compares the calibrated draft with its source whenever it is to be saved.
        if (!comparisonSummary) throw new Error('a calibration to be saved came back without its comparison');
        // The calibration and its comparison travel with the draft, for the committee that ratifies it.
        const saved = (await runCommand(
          ctx.store,
          ctx.clock,
          source.policyId,
          body.saveAs,
          {
            kind: 'create',
            document,
            examples: structuredClone(source.examples),
            basedOn: { version: source.version, contentHash: source.contentHash },
            // As read before the calibration ran: deleting the source meanwhile does not shed its authors.
            sourceAuthors: authorsCarriedBy(source),
            calibration: { ...summary, comparison: comparisonSummary },
          },
          { username: req.caller!.username },
        ))!;
        res
          .status(201)
          .location(versionLinks(saved).self)
          .set('ETag', etagOf(saved))
          .json({ ...summary, calibratedPolicy: document, draft: versionLinks(saved) });
      },
      {
        takes: 'CalibrateRequest',
        answers: {
          status: 200,
          schema: 'Calibration',
          description: 'The calibration (without saveAs).',
          also: {
            status: 201,
            description: 'With saveAs: the calibration, and a new draft with the calibrated prices, which keeps the calibration.',
            schema: 'CalibratedDraft',
            headers: { ...created('/api/policies/{id}/versions/{saveAs}'), ...etag },
          },
        },
      },
    ),
  ];
}
