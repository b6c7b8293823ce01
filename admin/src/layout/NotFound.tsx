import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { Title } from 'react-admin';

/** An unknown address, or a page the signed-in user's roles do not open: said plainly, with a way back. */
export function NotFound() {
  return (
    <Box sx={{ p: 4, maxWidth: 640 }}>
      <Title title="Page not found" />
      <Typography variant="h1" component="h1" sx={{ mb: 2 }}>
        This page is not here
      </Typography>
      <Typography sx={{ mb: 3 }}>
        The address may be wrong, or the page may need a role you do not have. Ask an administrator if you think you should see it.
      </Typography>
      <Button component={RouterLink} to="/" variant="contained">
        Go to the policies
      </Button>
    </Box>
  );
}
