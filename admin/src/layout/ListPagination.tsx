/**
 * A list's pages, with its counts as the rest of the console writes numbers ("1–25 of 12,345"):
 * react-admin's own label leaves them bare ("1-25 of 12345").
 */

import type { TablePaginationProps } from '@mui/material/TablePagination';
import type { ComponentType } from 'react';
import { Pagination, type PaginationProps } from 'react-admin';
import { formatNumber } from '../format';

// react-admin hands any other prop on to MUI's TablePagination, after its own label; its type leaves
// the label out, so it is stated here.
const TablePages = Pagination as ComponentType<PaginationProps & Pick<TablePaginationProps, 'labelDisplayedRows'>>;

/** "51–75 of 12,345"; without the total when the server does not know it. */
export const pageRange = ({ from, to, count }: { from: number; to: number; count: number }) =>
  count === -1 ? `${formatNumber(from)}–${formatNumber(to)}` : `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(count)}`;

export const ListPagination = (props: PaginationProps) => <TablePages {...props} labelDisplayedRows={pageRange} />;
