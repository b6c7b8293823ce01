/**
 * The menu offers a page only to those the server lets do what the page does: the calculator reads the
 * schemes and evaluates, so a case system's account (api-client), which evaluates but reads no scheme,
 * is not offered it. The actions each role holds are the server's own table (GET /api/auth/me says them).
 */

import { describe, expect, it } from 'vitest';
import { CALCULATOR_ACTIONS } from '../../admin/src/calculator/CalculatorPage';
import { actionsFor } from '../../server/domain/permissions.js';

const offersCalculator = (...roles: Parameters<typeof actionsFor>[0]) => CALCULATOR_ACTIONS.every((a) => actionsFor(roles).includes(a));

describe('the Calculator in the menu', () => {
  it('is not offered to a case system, which may evaluate but reads no scheme', () => {
    expect(actionsFor(['api-client'])).toContain('assessment.evaluate');
    expect(offersCalculator('api-client')).toBe(false);
  });

  it('is offered to officers, ratifiers and scrutiny, and not to an administrator', () => {
    expect([offersCalculator('officer'), offersCalculator('ratifier'), offersCalculator('scrutiny'), offersCalculator('admin')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
