import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import audit from './audit';
import { type Access, authProvider } from './authProvider';
import { CalculatorPage } from './calculator/CalculatorPage';
import { ComparePage } from './compare/ComparePage';
import { dataProvider } from './dataProvider';
import decisions from './decisions';
import { AppLayout } from './layout/AppLayout';
import { Home } from './layout/Home';
import { LoginPage } from './layout/LoginPage';
import { NotFound } from './layout/NotFound';
import { SetPasswordPage } from './layout/SetPasswordPage';
import { theme } from './layout/theme';
import policies from './policies';
import { PublishedIndex } from './published/PublishedIndex';
import { PublishedPage } from './published/PublishedPage';
import { TransparencyPage } from './published/TransparencyPage';
import users from './users';
import { MyAccountPage } from './users/MyAccountPage';
import versions from './versions';

/**
 * The console. Menus and buttons follow the signed-in user's roles, but every action is still checked
 * by the server. The published RAS is public: its routes need no sign-in.
 */
export function App() {
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      disableTelemetry
      title="RAS policy console"
      theme={theme}
      layout={AppLayout}
      loginPage={LoginPage}
      catchAll={NotFound}
      dashboard={Home}
    >
      {(access: Access = { roles: [], actions: [] }) => (
        <>
          <Resource name="policies" {...policies} />
          <Resource name="versions" {...versions} />
          {/* Pages follow the actions the server allows this user: none is offered that it would refuse. */}
          {access.actions.includes('user.manage') && <Resource name="users" {...users} />}
          {access.actions.includes('audit.read') && <Resource name="audit" {...audit} />}
          {access.actions.includes('decision.list') && <Resource name="decisions" {...decisions} />}
          <CustomRoutes>
            <Route path="/calculator" element={<CalculatorPage />} />
            <Route path="/account" element={<MyAccountPage />} />
            {access.actions.includes('comparison.run') && <Route path="/compare" element={<ComparePage />} />}
          </CustomRoutes>
          <CustomRoutes noLayout>
            {/* A person sets their own password with a one-time code before they can sign in. */}
            <Route path="/set-password" element={<SetPasswordPage />} />
            <Route path="/published" element={<PublishedIndex />} />
            <Route path="/published/:policyId/:version" element={<PublishedPage />} />
            <Route path="/published/:policyId/:version/transparency-record" element={<TransparencyPage />} />
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}
