/**
 * How the console words a refusal: a missing role as that, in words and without role ids; any other
 * refusal (a wrong setup code, a wrong current password) in the server's own sentence, never blamed on a role.
 */

import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../admin/src/http';

const refused = (code: string, detail: string) => new HttpError(detail, 403, { type: `/problems/${code}`, status: 403, detail });

describe('a refusal in words', () => {
  it('says a missing role plainly, without the server’s list of role ids', () => {
    const said = messageOf(refused('role_required', "This needs one of the roles 'ratifier'; you have 'officer'."));
    expect(said).toBe('Your role does not allow this. Ask an administrator if you need it.');
  });

  it('says a wrong setup code as the server does, not as a role problem', () => {
    const said = messageOf(refused('bad_setup_code', 'The setup code is wrong: use the one printed when the server started.'));
    expect(said).toBe('The setup code is wrong: use the one printed when the server started.');
  });
});
