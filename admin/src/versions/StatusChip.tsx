import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import { todayIso } from '../format';
import { type StatusOf, statusWords } from './status';

/** A version's status as it stands today (the version given, or the record in context). */
export function StatusChip({ of, size = 'small' }: { of?: StatusOf; size?: 'small' | 'medium' }) {
  const record = useRecordContext<StatusOf>();
  const version = of ?? record;
  if (!version?.status) return null;
  const { label, colour } = statusWords(version, todayIso());
  return (
    <Chip
      label={label}
      color={colour}
      size={size}
      variant={version.status === 'draft' ? 'outlined' : 'filled'}
      sx={version.status === 'draft' ? { borderColor: '#4a5561', color: '#1f2933' } : undefined}
    />
  );
}
