import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import { statusColour, statusLabel, type Status } from './format';

export function StatusChip({ status, size = 'small' }: { status?: Status; size?: 'small' | 'medium' }) {
  const record = useRecordContext<{ status: Status }>();
  const value = status ?? record?.status;
  if (!value) return null;
  return (
    <Chip
      label={statusLabel[value] ?? value}
      color={statusColour[value] ?? 'default'}
      size={size}
      variant={value === 'draft' ? 'outlined' : 'filled'}
      sx={value === 'draft' ? { borderColor: '#4a5561', color: '#1f2933' } : undefined}
    />
  );
}
