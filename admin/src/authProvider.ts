import type { AuthProvider } from 'react-admin';
import { api, session } from './http';

export type Role = 'officer' | 'ratifier' | 'scrutiny' | 'api-client' | 'admin';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** The actions the server allows this user (GET /api/auth/me): the console offers no other. */
  permissions: string[];
}

/** What usePermissions() gives: the user's roles, and the actions the server allows them. */
export interface Access {
  roles: Role[];
  actions: string[];
}

let me: Me | null = null;

async function loadMe(): Promise<Me> {
  // The sign-in answer names the user; their permissions come from /api/auth/me.
  if (!me?.permissions) me = (await api<Me>('/api/auth/me')).body;
  return me;
}

/** Signs in against the server's users; roles come from the server and decide menus and buttons. */
export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const { body } = await api<{ token: string; user: Me }>('/api/auth/login', { method: 'POST', body: { username, password } });
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
    return (await api<{ needed: boolean }>('/api/setup')).body.needed;
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
