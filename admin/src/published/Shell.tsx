/** The frame of every public page: skip link, header, footer and the print styles, outside the console's layout. */

import { Box, Container, Link, Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { session } from '../http';

const PRINT_CSS = `
@media print {
  .no-print { display: none !important; }
  body { background: #fff !important; }
  a { color: #000 !important; text-decoration: none !important; }
  table { page-break-inside: auto; } tr { page-break-inside: avoid; }
  h2, h3 { page-break-after: avoid; }
  details > *:not(summary) { display: block !important; }
}
.published-page a:focus-visible, .published-page button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
`;

export function Shell({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} | Published RAS`;
  }, [title]);
  return (
    <Box className="published-page" sx={{ bgcolor: '#fff', color: '#1f1f1f', minHeight: '100vh' }}>
      <style>{PRINT_CSS}</style>
      <Box
        component="a"
        href="#main"
        className="no-print"
        sx={{ position: 'absolute', left: -9999, '&:focus': { left: 8, top: 8, zIndex: 10, bgcolor: '#ffbf47', color: '#000', p: 1 } }}
      >
        Skip to the main content
      </Box>
      <Box component="header" sx={{ bgcolor: '#0b3d6e', color: '#fff', py: 2 }}>
        <Container maxWidth="md">
          <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.1rem' }}>
            How personal budgets are worked out
          </Typography>
          <Box component="nav" aria-label="Published schemes" className="no-print">
            <Link component={RouterLink} to="/published" sx={{ color: '#fff', textDecorationColor: '#fff' }}>
              All published schemes
            </Link>
            {/* Staff reach these pages from the console's menu: the way back is beside the way in. */}
            {session.token() && (
              <Link component={RouterLink} to="/" sx={{ color: '#fff', textDecorationColor: '#fff', ml: 3 }}>
                Back to the console
              </Link>
            )}
          </Box>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} maxWidth="md" sx={{ py: 3, outline: 'none' }}>
        {children}
      </Container>
      <Box component="footer" sx={{ borderTop: '1px solid #b1b4b6', py: 2 }}>
        <Container maxWidth="md">
          <Typography variant="body2">
            An indicative personal budget is a starting point for planning your support, not a final decision. Your social worker will agree
            your actual budget with you in your support plan.
          </Typography>
        </Container>
      </Box>
    </Box>
  );
}
