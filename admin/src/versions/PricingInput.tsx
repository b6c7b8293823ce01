import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { NumberInput, SelectInput, TextInput } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { PERIODS } from '../../../engine/periods';
import type { Pricing } from '../../../engine/policy';
import { PRICE_POUND_DECIMALS } from '../../../engine/words/money';
import { PoundsInput } from './PoundsInput';
import { RowList } from './RowList';

/** The periods a table's amounts (or a maximum) are for, as a select offers them, in the engine's words. */
export const PERIOD_CHOICES = Object.entries(PERIODS).map(([id, period]) => ({ id, name: period.per }));
const METHODS = [
  { id: 'price-per-point', name: 'Price per point' },
  { id: 'bands', name: 'Band table (an amount per band)' },
  { id: 'hour-bands', name: 'Hour bands (hours per band at an hourly rate)' },
];

function template(method: Pricing['method'], period: Pricing['period']): Pricing {
  if (method === 'bands') return { method, period, bands: [{ label: 'Band 1', from: 0, pence: 0 }] };
  if (method === 'hour-bands') return { method, period, hourlyRatePence: 0, bands: [{ label: 'Band 1', from: 0, hours: 0 }] };
  return { method, period, pencePerPoint: 0 };
}

/**
 * What a band gives: an amount (or hours), or one of the policy's outcomes without
 * an amount. Choosing one clears the other, as the format allows exactly one.
 */
function BandGives({ row, hours }: { row: string; hours: boolean }) {
  const { setValue } = useFormContext();
  const outcome = useWatch({ name: `${row}.outcome` }) as string | undefined;
  const outcomes = (useWatch({ name: 'document.outcomes' }) as Array<{ id: string; label: string }> | undefined) ?? [];
  const amount = hours ? 'hours' : 'pence';
  return (
    <>
      {outcomes.length > 0 && (
        <TextField
          select
          label="Gives"
          size="small"
          value={outcome ?? ''}
          onChange={(e) => {
            const chosen = e.target.value;
            setValue(`${row}.outcome`, chosen || undefined, { shouldDirty: true });
            setValue(`${row}.${amount}`, chosen ? undefined : 0, { shouldDirty: true });
          }}
          // A long outcome's name ends in an ellipsis on a phone instead of widening the row past the screen.
          sx={{ minWidth: { xs: 0, sm: 200 }, maxWidth: '100%' }}
        >
          <MenuItem value="">{hours ? 'Hours of support' : 'An amount'}</MenuItem>
          {outcomes.map((o) => (
            <MenuItem key={o.id} value={o.id}>
              No amount: {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      {outcome === undefined &&
        (hours ? (
          <NumberInput fullWidth={false} source={`${row}.hours`} label="Hours" helperText={false} sx={{ width: 110 }} />
        ) : (
          <PoundsInput source={`${row}.pence`} label="Amount" width={160} />
        ))}
    </>
  );
}

/** One allocation table: how a total of points becomes money, in one of three methods. */
export function PricingInput({ base, caption }: { base: string; caption: string }) {
  const { setValue } = useFormContext();
  const table = useWatch({ name: base }) as Pricing | undefined;
  if (!table) return null;
  const id = base.replaceAll('.', '-');
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
        {caption}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          select
          id={`${id}-method`}
          label="Method"
          value={table.method}
          sx={{ minWidth: 280 }}
          onChange={(e) => setValue(base, template(e.target.value as Pricing['method'], table.period), { shouldDirty: true })}
        >
          {METHODS.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.name}
            </MenuItem>
          ))}
        </TextField>
        <SelectInput
          fullWidth={false}
          source={`${base}.period`}
          label="Amounts are"
          choices={PERIOD_CHOICES}
          helperText={false}
          sx={{ minWidth: 160, mt: 0 }}
        />
        {table.method === 'price-per-point' && (
          <>
            <PoundsInput source={`${base}.pencePerPoint`} label="Price per point" decimals={PRICE_POUND_DECIMALS} />
            <PoundsInput source={`${base}.basePence`} label="Base amount (format 2)" helperText="Leave empty for none." />
          </>
        )}
        {table.method === 'hour-bands' && <PoundsInput source={`${base}.hourlyRatePence`} label="Hourly rate" />}
      </Box>
      {table.method !== 'price-per-point' && (
        <RowList
          name={`${base}.bands`}
          noun="band"
          blank={() => (table.method === 'bands' ? { from: 0, pence: 0 } : { from: 0, hours: 0 })}
        >
          {(row) => (
            <>
              <TextInput source={`${row}.label`} label="Band name" helperText={false} />
              <NumberInput fullWidth={false} source={`${row}.from`} label="From (points)" helperText={false} sx={{ width: 130 }} />
              <NumberInput fullWidth={false} source={`${row}.to`} label="To (points)" helperText={false} sx={{ width: 130 }} />
              <BandGives row={row} hours={table.method === 'hour-bands'} />
            </>
          )}
        </RowList>
      )}
      <TextInput source={`${base}.reference.title`} label="Source or reference" helperText={false} fullWidth sx={{ mt: 1 }} />
    </Box>
  );
}

/** The default table and one per client group that has its own. */
export function AllocationTablesInput() {
  const { setValue, getValues } = useFormContext();
  const groups = (useWatch({ name: 'document.clientGroups' }) ?? []) as Array<{ id: string; label: string }>;
  const byGroup = (useWatch({ name: 'document.pricing.byClientGroup' }) ?? {}) as Record<string, Pricing>;
  const [adding, setAdding] = useState('');
  const withoutTable = groups.filter((g) => !byGroup[g.id]);
  const label = (id: string) => groups.find((g) => g.id === id)?.label ?? id;

  function addTable() {
    if (!adding) return;
    const def = getValues('document.pricing.default') as Pricing;
    setValue('document.pricing.byClientGroup', { ...byGroup, [adding]: structuredClone(def) }, { shouldDirty: true });
    setAdding('');
  }
  function removeTable(group: string) {
    const { [group]: _removed, ...rest } = byGroup;
    setValue('document.pricing.byClientGroup', Object.keys(rest).length ? rest : undefined, { shouldDirty: true });
  }

  return (
    <>
      <PricingInput
        base="document.pricing.default"
        caption={Object.keys(byGroup).length ? 'Default table (everyone else)' : 'Allocation table'}
      />
      {Object.keys(byGroup).map((group) => (
        <Box key={group} sx={{ borderTop: 1, borderColor: 'divider', pt: 2 }}>
          <PricingInput base={`document.pricing.byClientGroup.${group}`} caption={`Table for ${label(group)}`} />
          <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={() => removeTable(group)}>
            Remove the table for {label(group)}
          </Button>
        </Box>
      ))}
      {withoutTable.length > 0 && (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', borderTop: 1, borderColor: 'divider', pt: 2, mt: 2 }}>
          <TextField
            select
            id="add-group-table"
            label="Give a client group its own table"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            sx={{ minWidth: 320 }}
          >
            {withoutTable.map((g) => (
              <MenuItem key={g.id} value={g.id}>
                {g.label}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="outlined" onClick={addTable} disabled={!adding}>
            Add table
          </Button>
        </Box>
      )}
    </>
  );
}
