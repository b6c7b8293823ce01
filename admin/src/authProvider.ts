import type { AuthProvider } from 'react-admin';
import type { LoginResponse, Me, Permission, Role, SetupStatus, User } from './contract/api-answers';
import { api, session } from './http';

// Who is signed in and what they may do, as the API's components state them (generated).
export type { Me, Role };

/** What usePermissions() gives: the user's roles, and the actions the server allows them. */
export interface Access {
  roles: Role[];
  actions: Permission[];
}

/** The signed-in user: as the sign-in answer names them, until /api/auth/me has said what they may do. */
let me: User | Me | null = null;

async function loadMe(): Promise<Me> {
  // The sign-in answer is a User, without permissions; those come from /api/auth/me.
  if (me && 'permissions' in me) return me;
  const answer = (await api<Me>('/api/auth/me')).body;
  me = answer;
  return answer;
}

/** Signs in against the server's users; roles come from the server and decide menus and buttons. */
export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const { body } = await api<LoginResponse>('/api/auth/login', { method: 'POST', body: { username, password } });
    session.set(body.token);
    me = body.user;
  },
  async logout() {
    if (session.token()) await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    session.clear();
    me = null;
  },
  async checkAuth() {
    // Not being signed in yet is not an error: go to the sign-in page without a warning.
    if (!session.token()) throw { redirectTo: '/login', message: false };
    await loadMe();
  },
  async checkError(error) {
    if (error?.status === 401) {
      session.clear();
      me = null;
      throw new Error('Your session has ended: please sign in again');
    }
  },
  async getIdentity() {
    const user = await loadMe();
    return { id: user.id, fullName: user.displayName, username: user.username };
  },
  async getPermissions(): Promise<Access> {
    if (!session.token()) return { roles: [], actions: [] };
    const user = await loadMe();
    return { roles: user.roles, actions: user.permissions };
  },
};

/**
 * The first run: until an admin exists, the server takes the one-time code it printed and makes the
 * first admin (POST /api/setup); this says whether that is still needed, and does it.
 */
export const firstRun = {
  async needed(): Promise<boolean> {
    return (await api<SetupStatus>('/api/setup')).body.needed;
  },
  async setUp(admin: { code: string; username: string; password: string; displayName?: string }): Promise<void> {
    await api('/api/setup', { method: 'POST', body: admin });
  },
};

/**
 * A person setting their own password with the one-time code an admin gave them (POST /api/auth/enrol),
 * for a new account or after a reset; they then sign in with it. Nobody else ever knows the password.
 */
export const enrolment = {
  async setPassword(person: { username: string; code: string; password: string }): Promise<void> {
    await api('/api/auth/enrol', { method: 'POST', body: person });
  },
};
