import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import policies from './policies';
import versions from './versions';

export function App() {
  return (
    <Admin dataProvider={dataProvider} authProvider={authProvider} disableTelemetry title="RAS policy console" requireAuth>
      <Resource name="policies" {...policies} />
      <Resource name="versions" {...versions} />
    </Admin>
  );
}
