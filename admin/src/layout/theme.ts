/**
 * The console's look: a calm public-sector palette whose every text colour meets WCAG 2.2 AA contrast
 * (4.5:1) on its background and visible keyboard focus. What is printed is print.css's.
 */

import { defaultTheme, type RaThemeOptions } from 'react-admin';

const ink = '#1f2933';
const focus = '#ffbf47';

/**
 * People who ask their system for reduced motion (vestibular disorders, attention) get none: no
 * transitions, no ripples (WCAG 2.2, 2.3.3 Animation from Interactions).
 */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#1d4f91', contrastText: '#ffffff' },
    secondary: { main: '#1f3a5f', contrastText: '#ffffff' },
    success: { main: '#1e6b34', contrastText: '#ffffff' },
    warning: { main: '#8a4b00', contrastText: '#ffffff' },
    info: { main: '#005a9c', contrastText: '#ffffff' },
    error: { main: '#b3261e', contrastText: '#ffffff' },
    text: { primary: ink, secondary: '#4a5561' },
    background: { default: '#f4f6f8', paper: '#ffffff' },
  },
  typography: {
    fontFamily: '"Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    h1: { fontSize: '1.75rem', fontWeight: 600 },
    h2: { fontSize: '1.35rem', fontWeight: 600 },
    h3: { fontSize: '1.1rem', fontWeight: 600 },
    h4: { fontSize: '1rem', fontWeight: 600 },
  },
  shape: { borderRadius: 6 },
  ...(reducedMotion
    ? {
        transitions: {
          create: () => 'none',
          duration: { shortest: 0, shorter: 0, short: 0, standard: 0, complex: 0, enteringScreen: 0, leavingScreen: 0 },
        },
      }
    : {}),
  sidebar: { width: 230, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    // Every spinner has a name for screen readers, react-admin's own app-bar indicator included (it sets none):
    // axe's aria-progressbar-name rule found it on any page caught loading.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
    MuiCssBaseline: {
      styleOverrides: {
        '*:focus-visible': { outline: `3px solid ${focus}`, outlineOffset: 2 },
      },
    },
    MuiButtonBase: { defaultProps: { disableRipple: reducedMotion } },
    MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
    MuiTab: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
    MuiAppBar: { styleOverrides: { colorSecondary: { backgroundColor: '#1f3a5f', color: '#ffffff' } } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
    MuiLink: { defaultProps: { underline: 'always' } },
  },
};
