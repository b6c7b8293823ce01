/**
 * The letter to the person about a recorded decision, over HTTP: the amount in pounds, how it was worked
 * out (the engine's own explanation, step by step), the carer adjustment and why, what happens next and
 * how to ask for a review; as HTML and as a PDF; only for those who may read decisions.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, explain, formatPence, type Policy } from '../../engine/index.js';
import { letterFor } from '../../server/letter/letter.js';
import { escapeHtml, letterHtml } from '../../server/letter/render.js';
import { as, ok } from '../support/api-client.js';
import { pdfText } from '../support/pdf-text.js';
import { exampleVersions } from '../support/examples.js';
import { removeStore, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  removeStore(server.where);
});

const carerCase = exampleVersions()
  .find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!
  .examples.find((e) => e.name === 'older-person-carer-reduction')!.json;

const get = (path: string, token: string) =>
  fetch(`${server.url}${path}`, { headers: { authorization: token.startsWith('ras_') ? `ApiKey ${token}` : `Bearer ${token}` } });

/** The carer case is assessed under 2009-pilot, no longer in force: recording it says why. */
const LATE = 'Recorded late, from the paper assessment made at the time.';

async function recorded(body: object): Promise<string> {
  return ok(await as(server, server.tokens['api-client']).post('/api/decisions', body), 'record a decision').id;
}

describe('the letter about a decision', () => {
  it('says the amount in pounds, how it was worked out, the carer adjustment and why, what happens next and how to ask for a review', async () => {
    const id = await recorded({ policyId: 'adult-ras', version: '2009-pilot', assessment: carerCase.assessment, reason: LATE });
    const res = await get(`/api/decisions/${id}/letter`, server.tokens.officer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    // The worked example's hand computation: 77 points, 32 000p a week, 138 667p a month, 1 664 000p a year.
    expect(html).toContain('Your indicative personal budget is £320.00 a week (£1,386.67 a month, £16,640.00 a year).');
    expect(html).toContain('Reference A-0001');
    expect(html).toContain('<h2>Points by area of need</h2>');
    expect(html).toContain('Total: 77 points.');
    expect(html).toMatch(/Your carer is willing and able to carry on \(support: [^)]+\), so the amount is reduced by 15%/);
    expect(html).toContain('<h2>What happens next</h2>');
    expect(html).toContain('<h2>If you think this is wrong</h2>');
    expect(html).toContain('quote the reference A-0001');
    // Officers' rule facts stay out of the person's letter.
    expect(html).not.toContain('For review by the council');
    // Where it came from in words; the person quotes their own reference, so the record's id is not given.
    expect(html).toContain(
      '<p class="provenance" data-reference>Worked out under Adult social care RAS: 2009 pilot (version 2009-pilot).</p>',
    );
    expect(html).not.toContain(id);
    expect(html).not.toMatch(/sha256|adult-ras/);
  });

  it('never prints a flag meant for staff, and says in plain words what the council will do next', async () => {
    // 2010-revised's worked example raises all three of its flags: panel (over £1,000 a week), NHS continuing
    // healthcare (weighted health 43.5) and safeguarding (the person is at risk of harm from others).
    const example = exampleVersions()
      .find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!
      .examples.find((e) => e.name === 'high-need-panel-nhs-safeguarding')!.json;
    const id = await recorded({ policyId: 'adult-ras', version: '2010-revised', assessment: example.assessment, reason: LATE });
    const html = await (await get(`/api/decisions/${id}/letter`, server.tokens.officer)).text();
    expect(html).toContain('Your indicative personal budget is £1,300.00 a week (£5,633.33 a month, £67,600.00 a year).');
    for (const staffWords of [
      'consider a safeguarding referral today',
      'safeguarding',
      'refer to the resource allocation panel',
      'NHS continuing healthcare checklist',
      'What the council will also look at',
      'For review by the council',
    ])
      expect(html.toLowerCase(), staffWords).not.toContain(staffWords.toLowerCase());
    expect(html).toContain(
      '<h2>What happens next</h2>\n<p>This amount is indicative. You will agree a support plan with the council, and with it your personal budget. ' +
        'If the budget agreed is different from this amount, the reason is recorded.</p>\n<p>Before your personal budget is agreed, someone from the ' +
        'council will go through your assessment with you and talk about the support you need. They will contact you soon.</p>',
    );
    const pdf = pdfText(Buffer.from(await (await get(`/api/decisions/${id}/letter.pdf`, server.tokens.officer)).arrayBuffer()));
    expect(pdf.toLowerCase()).not.toContain('safeguarding');
  });

  it('says nothing of a follow-up when the policy raised no flag', async () => {
    const id = await recorded({ policyId: 'adult-ras', version: '2009-pilot', assessment: carerCase.assessment, reason: LATE });
    const html = await (await get(`/api/decisions/${id}/letter`, server.tokens.officer)).text();
    expect(html).not.toContain('go through your assessment with you');
  });

  it('is the same letter as a PDF', async () => {
    const id = await recorded({ policyId: 'adult-ras', version: '2009-pilot', assessment: carerCase.assessment, reason: LATE });
    const res = await get(`/api/decisions/${id}/letter.pdf`, server.tokens['api-client']);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=letter-${id}.pdf`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Its text, read back: the same words as the page (a line of the PDF may wrap a sentence).
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Your indicative personal budget is £320.00 a week (£1,386.67 a month, £16,640.00 a year).');
    expect(text).toContain('Points by area of need');
    expect(text).toContain('What happens next');
    expect(text).toContain('If you think this is wrong');
  });

  it('tells a person who is not eligible so, with the reason', async () => {
    const carers = exampleVersions().find((v) => v.scheme === 'carers-one-off-payment')!;
    const paid = carers.examples.find((e) => e.name === 'not-eligible-paid-this-year')!.json;
    const id = await recorded({ policyId: 'carers-one-off-payment', assessment: paid.assessment });
    const html = await (await get(`/api/decisions/${id}/letter`, server.tokens.officer)).text();
    expect(html).toContain('You are not eligible for this scheme, so no amount is worked out.');
    expect(html).toContain('No payment yet this financial year: not met. A carer can have one payment in a financial year');
  });

  it('escapes what the case system sent: a reference is text, never markup', async () => {
    const id = await recorded({
      policyId: 'adult-ras',
      version: '2009-pilot',
      assessment: { ...(carerCase.assessment as object), reference: '<script>alert(1)</script>' },
      reason: LATE,
    });
    const html = await (await get(`/api/decisions/${id}/letter`, server.tokens.officer)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it("gives the decision's own reference to quote when the person had none", async () => {
    const { reference: _none, ...unreferenced } = carerCase.assessment as { reference?: string };
    const id = await recorded({ policyId: 'adult-ras', version: '2009-pilot', assessment: unreferenced, reason: LATE });
    const html = await (await get(`/api/decisions/${id}/letter`, server.tokens.officer)).text();
    expect(html).toContain(
      `Worked out under Adult social care RAS: 2009 pilot (version 2009-pilot). If you contact us about this letter, please quote our reference ${id}.`,
    );
  });

  it('is refused to a role that may not read decisions, and is 404 for a decision that does not exist', async () => {
    const id = await recorded({ policyId: 'adult-ras', version: '2009-pilot', assessment: carerCase.assessment, reason: LATE });
    expect((await get(`/api/decisions/${id}/letter`, server.tokens.scrutiny)).status).toBe(403);
    expect((await get(`/api/decisions/${id}/letter.pdf`, server.tokens.admin)).status).toBe(403);
    const missing = await get('/api/decisions/no-such-decision/letter', server.tokens.officer);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });

  it("uses the policy's own words for what happens next, reviews and whom to contact, when it has them", async () => {
    const id = await recorded({ policyId: 'adult-ras', version: '2009-pilot', assessment: carerCase.assessment, reason: LATE });
    const decision = ok(await as(server, server.tokens.officer).get(`/api/decisions/${id}`));
    const version = ok(await as(server, server.tokens.officer).get('/api/policies/adult-ras/versions/2009-pilot'));
    const letter = letterFor(decision, {
      ...version.document,
      publication: {
        nextSteps: 'Your social worker will call you within ten working days.',
        review: 'Write to the Review Team within 28 days.',
        contact: { name: 'Adult Social Care', phone: '0116 305 0004', email: 'care@example.gov.uk' },
      },
    });
    const sections = Object.fromEntries(letter.sections.map((s) => [s.heading, s.paragraphs]));
    expect(sections['What happens next']).toEqual(['Your social worker will call you within ten working days.']);
    expect(sections['If you think this is wrong']).toEqual(['Write to the Review Team within 28 days.']);
    expect(sections.Contact).toEqual(['Adult Social Care', 'Telephone: 0116 305 0004', 'Email: care@example.gov.uk']);
  });

  describe('for every worked example of every example scheme', () => {
    for (const version of exampleVersions()) {
      for (const example of version.examples) {
        it(`${version.scheme} ${version.version}, ${example.name}: says every step of the explanation, and the amount`, () => {
          const policy = version.policy as Policy;
          const result = evaluate(policy, example.json.assessment, example.json.asOf ? { asOf: example.json.asOf } : {});
          const decision = {
            id: 'd-1',
            createdAt: '2026-01-01T00:00:00.000Z',
            createdBy: 'api-client',
            policyId: policy.id,
            version: policy.version,
            contentHash: result.provenance.contentHash,
            asOf: null,
            revision: 1,
            assessment: example.json.assessment,
            result,
            finalBudget: null,
          };
          const letter = letterFor(decision, policy);
          const said = letter.sections.flatMap((s) => s.paragraphs);
          // Every step of the explanation, up to the flags section, which is written for officers.
          const explained = explain(result).split('\n');
          const flags = explained.indexOf('For review by the council');
          const steps = explained.slice(explained.indexOf('') + 1, flags === -1 ? undefined : flags);
          for (const line of steps.filter((l) => l.startsWith('  '))) expect(said).toContain(line.trim());
          const expected = example.json.expect;
          if (expected.weeklyPence != null && !result.award)
            expect(letter.headline).toContain(`${formatPence(expected.weeklyPence)} a week`);
          if (expected.weeklyPence == null) expect(letter.headline).not.toMatch(/£/);
          expect(letterHtml(letter)).toContain(escapeHtml(letter.headline));
        });
      }
    }
  });
});
