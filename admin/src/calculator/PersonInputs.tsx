/** The person being assessed: assessment date, client group, and age or date of birth. */

import { Box, FormControl, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import type { AgeMode } from './assessment';
import type { PolicyDocument } from './types';

interface PersonInputsProps {
  doc: PolicyDocument;
  assessmentDate: string;
  onAssessmentDate: (date: string) => void;
  clientGroup: string;
  onClientGroup: (id: string) => void;
  ageMode: AgeMode;
  onAgeMode: (mode: AgeMode) => void;
  age: string;
  onAge: (age: string) => void;
  dob: string;
  onDob: (dob: string) => void;
  /** The age the server will use, when what was entered gives one. */
  ageYears: number | null;
  fieldError: (pointer: string) => string | undefined;
}

export function PersonInputs(props: PersonInputsProps) {
  const { doc, assessmentDate, onAssessmentDate, clientGroup, onClientGroup, ageMode, onAgeMode, fieldError } = props;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="calc-person" sx={{ p: 2, mb: 2 }}>
      <Typography id="calc-person" variant="h6" component="h2" gutterBottom>
        The person
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          type="date"
          label="Assessment date"
          value={assessmentDate}
          onChange={(e) => onAssessmentDate(e.target.value)}
          required
          slotProps={{ inputLabel: { shrink: true } }}
          error={!!fieldError('/assessmentDate')}
          helperText={fieldError('/assessmentDate') ?? 'Uplifts in force on this date apply.'}
        />
        <TextField
          select
          label="Client group"
          value={clientGroup}
          onChange={(e) => onClientGroup(e.target.value)}
          required
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 280 }}
          error={!!fieldError('/clientGroup')}
          helperText={fieldError('/clientGroup') ?? ' '}
        >
          {doc.clientGroups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </TextField>
      </Box>
      <FormControl component="fieldset" sx={{ mt: 1 }}>
        <FormLabel component="legend">Give the person's</FormLabel>
        <RadioGroup row value={ageMode} onChange={(e) => onAgeMode(e.target.value as AgeMode)}>
          <FormControlLabel value="age" control={<Radio />} label="Age in years" />
          <FormControlLabel value="dob" control={<Radio />} label="Date of birth" />
        </RadioGroup>
      </FormControl>
      <Box sx={{ mt: 1 }}>
        <AgeInput {...props} />
      </Box>
    </Paper>
  );
}

function AgeInput({ ageMode, age, onAge, dob, onDob, ageYears, fieldError }: PersonInputsProps) {
  return ageMode === 'age' ? (
    <TextField
      label="Age"
      value={age}
      onChange={(e) => onAge(e.target.value.trim())}
      required
      name="age"
      slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', 'aria-describedby': 'calc-age-help' } }}
      error={!!fieldError('/age')}
      helperText={<span id="calc-age-help">{fieldError('/age') ?? 'Whole years on the assessment date.'}</span>}
    />
  ) : (
    <TextField
      type="date"
      label="Date of birth"
      value={dob}
      onChange={(e) => onDob(e.target.value)}
      required
      slotProps={{ inputLabel: { shrink: true } }}
      error={!!fieldError('/dateOfBirth') || !!fieldError('/age')}
      helperText={fieldError('/dateOfBirth') ?? fieldError('/age') ?? (ageYears !== null ? `Age ${ageYears} on the assessment date.` : ' ')}
    />
  );
}
