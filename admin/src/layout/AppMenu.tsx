import ArticleIcon from '@mui/icons-material/Article';
import CalculateIcon from '@mui/icons-material/Calculate';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import HistoryIcon from '@mui/icons-material/History';
import PeopleIcon from '@mui/icons-material/People';
import PolicyIcon from '@mui/icons-material/Policy';
import PublicIcon from '@mui/icons-material/Public';
import { Menu, usePermissions } from 'react-admin';
import type { Role } from '../authProvider';

const READERS: Role[] = ['officer', 'ratifier', 'scrutiny', 'admin'];
const AUDITORS: Role[] = ['admin', 'ratifier', 'scrutiny'];

/** The menu follows the signed-in user's roles; the server still checks every request. */
export function AppMenu() {
  const { permissions } = usePermissions<Role[]>();
  const roles = permissions ?? [];
  const can = (allowed: Role[]) => roles.some((r) => allowed.includes(r));
  return (
    <Menu>
      {can(READERS) && <Menu.Item to="/policies" primaryText="Policies" leftIcon={<PolicyIcon />} />}
      {can(READERS) && <Menu.Item to="/versions" primaryText="Versions" leftIcon={<ArticleIcon />} />}
      {can(READERS) && <Menu.Item to="/calculator" primaryText="Calculator" leftIcon={<CalculateIcon />} />}
      {can(READERS) && <Menu.Item to="/compare" primaryText="Compare" leftIcon={<CompareArrowsIcon />} />}
      {can(AUDITORS) && <Menu.Item to="/audit" primaryText="Audit log" leftIcon={<HistoryIcon />} />}
      {can(['admin']) && <Menu.Item to="/users" primaryText="Users" leftIcon={<PeopleIcon />} />}
      <Menu.Item to="/published" primaryText="Published RAS" leftIcon={<PublicIcon />} />
    </Menu>
  );
}
