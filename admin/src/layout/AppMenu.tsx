import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import ArticleIcon from '@mui/icons-material/Article';
import CalculateIcon from '@mui/icons-material/Calculate';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import GavelIcon from '@mui/icons-material/Gavel';
import HistoryIcon from '@mui/icons-material/History';
import PeopleIcon from '@mui/icons-material/People';
import PolicyIcon from '@mui/icons-material/Policy';
import PublicIcon from '@mui/icons-material/Public';
import { Menu, usePermissions } from 'react-admin';
import type { Access } from '../authProvider';
import type { Permission } from '../contract/api-answers';
import { CALCULATOR_ACTIONS } from '../calculator/CalculatorPage';

/** The menu follows the actions the server allows the signed-in user (GET /api/auth/me); it still checks every request. */
export function AppMenu() {
  const { permissions } = usePermissions<Access>();
  const can = (action: Permission) => permissions?.actions.includes(action) ?? false;
  return (
    <Menu>
      {can('policy.read') && <Menu.Item to="/policies" primaryText="Policies" leftIcon={<PolicyIcon />} />}
      {can('policy.read') && <Menu.Item to="/versions" primaryText="Versions" leftIcon={<ArticleIcon />} />}
      {CALCULATOR_ACTIONS.every(can) && <Menu.Item to="/calculator" primaryText="Calculator" leftIcon={<CalculateIcon />} />}
      {can('comparison.run') && <Menu.Item to="/compare" primaryText="Compare" leftIcon={<CompareArrowsIcon />} />}
      {can('decision.list') && <Menu.Item to="/decisions" primaryText="Decisions" leftIcon={<GavelIcon />} />}
      {can('audit.read') && <Menu.Item to="/audit" primaryText="Audit log" leftIcon={<HistoryIcon />} />}
      {can('user.manage') && <Menu.Item to="/users" primaryText="Users" leftIcon={<PeopleIcon />} />}
      <Menu.Item to="/published" primaryText="Published RAS" leftIcon={<PublicIcon />} />
      {permissions && <Menu.Item to="/account" primaryText="My account" leftIcon={<AccountCircleIcon />} />}
    </Menu>
  );
}
