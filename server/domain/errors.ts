/**
 * A command the domain refuses. Its kind says which HTTP status answers it (the HTTP layer maps it in
 * one place), its code is stable, and its pointer names the field at fault.
 */

export type DomainErrorKind =
  | 'unauthenticated'
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly pointer?: string,
    /** Several fields at fault, each with its own message (when one pointer is not enough). */
    readonly fields: ReadonlyArray<{ pointer: string; code: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
