/**
 * A file the user named was read but is not valid for the command (a policy that fails its checks, a
 * cohort with bad rows): the report lists every problem, and the command exits 1, as `validate` does.
 */
export class InvalidInputError extends Error {
  constructor(readonly report: string) {
    super(report);
    this.name = 'InvalidInputError';
  }
}
