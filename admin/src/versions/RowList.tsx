import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import type { ReactNode } from 'react';
import { useFieldArray } from 'react-hook-form';

/**
 * A list of rows in the policy (domains, answers, bands, uplifts) with add, remove and reorder, each
 * control named for screen readers ("Remove domain 3").
 */
export function RowList({
  name,
  noun,
  blank,
  children,
}: {
  name: string;
  noun: string;
  blank: () => object;
  children: (path: string, index: number) => ReactNode;
}) {
  const { fields, append, remove, move } = useFieldArray({ name });
  return (
    <Box>
      {fields.map((field, i) => (
        <Box
          key={field.id}
          role="group"
          aria-label={`${noun} ${i + 1}`}
          sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap', py: 1, borderBottom: 1, borderColor: 'divider' }}
        >
          <Box sx={{ flex: 1, minWidth: 0, display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            {children(`${name}.${i}`, i)}
          </Box>
          <Box sx={{ display: 'flex', pt: 1 }}>
            <IconButton aria-label={`Move ${noun} ${i + 1} up`} size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
              <ArrowUpwardIcon fontSize="small" />
            </IconButton>
            <IconButton
              aria-label={`Move ${noun} ${i + 1} down`}
              size="small"
              disabled={i === fields.length - 1}
              onClick={() => move(i, i + 1)}
            >
              <ArrowDownwardIcon fontSize="small" />
            </IconButton>
            <IconButton aria-label={`Remove ${noun} ${i + 1}`} size="small" onClick={() => remove(i)}>
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Box>
        </Box>
      ))}
      <Button startIcon={<AddIcon />} onClick={() => append(blank())} sx={{ mt: 1 }}>
        Add {noun}
      </Button>
    </Box>
  );
}
