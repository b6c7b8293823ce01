/**
 * Charts drawn with plain SVG. Each is a figure with a caption, a text summary for screen readers
 * (role="img" with a label) and the same figures as a table, so nothing is shown only as a picture.
 */

import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { formatNumber } from '../format';

export interface Bar {
  label: string;
  value: number;
  /** How the value is written ("24 points", "£1,234.00"). */
  display: string;
  /** Optional extra column for the table (e.g. "raw 7 × 1.5"). */
  note?: string;
}

const INK = '#1f1f1f';
const BAR = '#1565c0';
const NEGATIVE = '#b71c1c';

/** Horizontal bars, one per item, labelled on the left with the value at the end of the bar. */
export function HorizontalBarChart({
  caption,
  summary,
  bars,
  valueHeading,
  noteHeading,
}: {
  caption: string;
  summary: string;
  bars: Bar[];
  valueHeading: string;
  noteHeading?: string;
}) {
  const id = useId();
  const labelWidth = 300;
  const chartWidth = 360;
  const row = 28;
  const max = Math.max(1, ...bars.map((b) => Math.abs(b.value)));
  const height = bars.length * row + 8;
  return (
    <Box component="figure" sx={{ m: 0, mb: 2 }} aria-labelledby={`${id}-caption`}>
      <Typography component="figcaption" id={`${id}-caption`} variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {caption}
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-label={summary}
          width={labelWidth + chartWidth + 110}
          height={height}
          viewBox={`0 0 ${labelWidth + chartWidth + 110} ${height}`}
          style={{ maxWidth: '100%', height: 'auto' }}
        >
          {bars.map((b, i) => {
            const w = Math.max(b.value === 0 ? 0 : 2, (Math.abs(b.value) / max) * chartWidth);
            const y = i * row + 4;
            return (
              <g key={b.label}>
                <text x={labelWidth - 8} y={y + row / 2} dominantBaseline="middle" textAnchor="end" fontSize="13" fill={INK}>
                  {truncate(b.label, 42)}
                </text>
                <rect x={labelWidth} y={y + 4} width={w} height={row - 10} fill={b.value < 0 ? NEGATIVE : BAR} />
                <text x={labelWidth + w + 6} y={y + row / 2} dominantBaseline="middle" fontSize="13" fill={INK}>
                  {b.display}
                </text>
              </g>
            );
          })}
        </svg>
      </Box>
      <TableAlternative
        caption={caption}
        headings={['', valueHeading, ...(noteHeading ? [noteHeading] : [])]}
        rows={bars.map((b) => [b.label, b.display, ...(noteHeading ? [b.note ?? ''] : [])])}
      />
    </Box>
  );
}

export interface Bin {
  fromLabel: string;
  toLabel: string;
  count: number;
  negative?: boolean;
}

/** Vertical bars over ranges of money (a histogram). */
export function Histogram({
  caption,
  summary,
  bins,
  rangeHeading = 'Range',
  countHeading = 'People',
}: {
  caption: string;
  summary: string;
  bins: Bin[];
  rangeHeading?: string;
  countHeading?: string;
}) {
  const id = useId();
  const width = 720;
  const height = 250;
  const left = 64;
  const bottom = 56;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const slot = bins.length ? (width - left - 8) / bins.length : 0;
  const labelEvery = Math.max(1, Math.ceil(bins.length / 6));
  const axisY = height - bottom;
  return (
    <Box component="figure" sx={{ m: 0, mb: 3 }} aria-labelledby={`${id}-caption`} className="print-avoid-break">
      <Typography component="figcaption" id={`${id}-caption`} variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {caption}
      </Typography>
      {bins.length === 0 ? (
        <Typography>No one to show.</Typography>
      ) : (
        // Drawn at its own size, never shrunk: its words stay as large as the page's. On a narrow
        // screen it scrolls in its box, which takes keyboard focus so it can be scrolled without a mouse.
        <Box
          sx={{ overflowX: 'auto', position: 'relative', '@media print': { overflow: 'visible' } }}
          tabIndex={0}
          role="group"
          aria-label={`${caption} (scrolls sideways)`}
        >
          <svg
            role="img"
            aria-label={summary}
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            style={{ display: 'block' }}
          >
            <g fontSize="13" fill={INK}>
              <line x1={left} x2={width - 8} y1={axisY} y2={axisY} stroke={INK} />
              <line x1={left} x2={left} y1={16} y2={axisY} stroke={INK} />
              <text x={left - 6} y={22} textAnchor="end">
                {max.toLocaleString('en-GB')}
              </text>
              <text x={left - 6} y={axisY} textAnchor="end">
                0
              </text>
              <text transform={`translate(16 ${axisY / 2 + 8}) rotate(-90)`} textAnchor="middle" fontWeight={600}>
                {countHeading}
              </text>
              <text x={left + (width - left) / 2} y={height - 6} textAnchor="middle" fontWeight={600}>
                {rangeHeading}
              </text>
              {bins.map((b, i) => {
                const h = (b.count / max) * (axisY - 22);
                const x = left + i * slot;
                return (
                  <g key={i}>
                    <rect x={x + 1} y={axisY - h} width={Math.max(1, slot - 2)} height={h} fill={b.negative ? NEGATIVE : BAR} />
                    {i % labelEvery === 0 && (
                      <text x={x + 1} y={axisY + 18}>
                        {b.fromLabel}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          </svg>
        </Box>
      )}
      <TableAlternative
        caption={caption}
        headings={[rangeHeading, countHeading]}
        rows={bins.map((b) => [`${b.fromLabel} to ${b.toLabel}`, formatNumber(b.count)])}
      />
    </Box>
  );
}

/** The chart's figures as a table, folded away under a disclosure that works from the keyboard. */
export function TableAlternative({ caption, headings, rows }: { caption: string; headings: string[]; rows: ReactNode[][] }) {
  return (
    <Box component="details" sx={{ mt: 1, '& summary': { cursor: 'pointer', color: '#0d47a1', textDecoration: 'underline' } }}>
      <summary>Show the figures as a table</summary>
      <Table size="small" sx={{ mt: 1, maxWidth: 760 }}>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>{caption}</caption>
        <TableHead>
          <TableRow>
            {headings.map((h, i) => (
              <TableCell key={i} component="th" scope="col">
                {h || (
                  <Box component="span" sx={visuallyHidden}>
                    Item
                  </Box>
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <TableCell key={j} component="th" scope="row">
                    {c}
                  </TableCell>
                ) : (
                  <TableCell key={j}>{c}</TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function truncate(text: string, n: number) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** Hidden from sight, read by screen readers. Sizes in px: in MUI's sx a bare 1 means 100%. */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
