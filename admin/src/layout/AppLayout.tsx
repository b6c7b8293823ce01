import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import LogoutIcon from '@mui/icons-material/PowerSettingsNew';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { AppBar, Layout, Sidebar, type SidebarProps, TitlePortal, UserMenu, useGetIdentity, useLogout, useUserMenu } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { AppMenu } from './AppMenu';

/** The user menu's accessible name includes the name it shows (WCAG 2.5.3, label in name). */
function AccountMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName}: account` : 'Account'}>
      <MyAccountItem />
      <SignOutItem />
    </UserMenu>
  );
}

/** The person's own account page: roles, history, password. */
function MyAccountItem() {
  const menu = useUserMenu();
  return (
    <MenuItem component={RouterLink} to="/account" onClick={() => menu?.onClose()}>
      <ListItemIcon>
        <AccountCircleIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>My account</ListItemText>
    </MenuItem>
  );
}

function ConsoleAppBar() {
  return (
    <AppBar
      color="secondary"
      userMenu={<AccountMenu />}
      // On a phone the account button is its icon alone (its accessible name still says whose account it is), so the bar fits.
      sx={{
        '& .RaUserMenu-userButton': {
          fontSize: { xs: 0, sm: 'inherit' },
          minWidth: 0,
          '& .MuiButton-startIcon': { mr: { xs: 0, sm: 1 }, ml: { xs: 0, sm: -0.5 } },
          '& .MuiSvgIcon-root, & .MuiAvatar-root': { fontSize: 24 },
        },
      }}
    >
      <Typography component="span" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap', display: { xs: 'none', sm: 'inline' } }}>
        RAS policy console
      </Typography>
      {/* A long page title ends in an ellipsis rather than pushing the bar wider than a phone's screen. */}
      <TitlePortal
        sx={{
          flex: '1 1 0',
          minWidth: 0,
          '&, & > span': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
        }}
      />
    </AppBar>
  );
}

/**
 * The side menu. On a phone it opens over the page as a dialog, which needs a name for screen readers
 * (axe: aria-dialog-name); at the desk it is a plain column and the name is harmless.
 */
function ConsoleSidebar(props: SidebarProps) {
  return <Sidebar {...props} slotProps={{ paper: { 'aria-label': 'Menu' } }} />;
}

/** Signing out, in the words the sign-in page uses (react-admin's own item says "Logout"). */
function SignOutItem() {
  const logout = useLogout();
  const menu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        menu?.onClose();
        logout();
      }}
    >
      <ListItemIcon>
        <LogoutIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>Sign out</ListItemText>
    </MenuItem>
  );
}

/** The console's frame: app bar with the page title and user menu, and the role-aware side menu. */
export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout
      appBar={ConsoleAppBar}
      menu={AppMenu}
      sidebar={ConsoleSidebar}
      // The page never scrolls sideways (react-admin's layout is fit-content wide): the content may shrink to the
      // window, and a wide list or table scrolls in its own box.
      sx={{
        minWidth: 0,
        '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        '& .RaDataTable-tableWrapper, & .RaList-main, & .RaShow-main': { minWidth: 0, overflowX: 'auto' },
      }}
    >
      {children}
    </Layout>
  );
}
