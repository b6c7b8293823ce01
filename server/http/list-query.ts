/**
 * A council's small lists (schemes, versions, users) sorted, searched, filtered and paged on the server,
 * as the decisions and the audit log are: ?sort=&order=asc|desc, ?q= (search), each list's own filters,
 * ?offset=&limit=, with how many match in X-Total-Count. A list states what it may be sorted and filtered
 * by once, as data (a ListSpec); the handler and the OpenAPI document both read it.
 */

import type { Request } from 'express';
import type { Parameter } from '../openapi/operation.js';
import { HttpProblem } from './errors.js';
import { pageRequest, WHOLE_LIST } from './paging.js';
import { wellFormedQuery } from './request-body.js';

type Sortable = string | number | boolean | null | undefined;

export interface ListFilter<T> {
  /** What the filter keeps, for the API document. */
  description: string;
  /** The values it takes, when they are a closed list. */
  values?: readonly string[];
  matches(row: T, value: string): boolean;
}

export interface ListSpec<T> {
  /** Each field the list may be sorted by, and how to read it from a row. */
  sortable: Record<string, (row: T) => Sortable>;
  /** The order when none is asked for. */
  sort: string;
  order: 'asc' | 'desc';
  /** The texts of a row that q looks in, and those texts in words for the API document. */
  search: (row: T) => readonly (string | null | undefined)[];
  searchedIn: string;
  filters: Record<string, ListFilter<T>>;
}

/** The most rows one page of these lists holds; without a limit a list is served whole, as before paging. */
export const LIST_PAGE_LIMIT = 1000;
const SEARCH_LENGTH = 200;

/** The rows a request asks for, in its order, and how many match in all. */
export function listPage<T>(query: Request['query'], rows: readonly T[], spec: ListSpec<T>): { rows: T[]; total: number } {
  const sort = oneOf(query, 'sort', Object.keys(spec.sortable)) ?? spec.sort;
  const order = oneOf(query, 'order', ['asc', 'desc']) ?? spec.order;
  const q = text(query, 'q')?.toLowerCase();
  if (q !== undefined && q.length > SEARCH_LENGTH) throw badQuery('q', `must be at most ${SEARCH_LENGTH} characters`);
  const filters = Object.entries(spec.filters).flatMap(([name, filter]) => {
    const value = filter.values ? oneOf(query, name, filter.values) : text(query, name);
    return value === undefined ? [] : [(row: T) => filter.matches(row, value)];
  });
  const { offset, limit } = pageRequest(query, LIST_PAGE_LIMIT, WHOLE_LIST);

  const matching = rows.filter(
    (row) => filters.every((keeps) => keeps(row)) && (q === undefined || spec.search(row).some((t) => t?.toLowerCase().includes(q))),
  );
  const key = spec.sortable[sort]!;
  const sorted = matching
    .map((row, index) => ({ row, index, value: key(row) }))
    // Rows that tie keep the order they are stored in, and descending is that order reversed: the newest first.
    .sort((a, b) => (compare(a.value, b.value) || a.index - b.index) * (order === 'desc' ? -1 : 1))
    .map((x) => x.row);
  return { rows: sorted.slice(offset, offset + limit), total: matching.length };
}

/** The query parameters a list takes, for its operation in the API document. */
export function listParameters<T>(spec: ListSpec<T>): Parameter[] {
  const sortable = Object.keys(spec.sortable);
  return [
    {
      name: 'sort',
      in: 'query',
      description: `The field to sort by (default ${spec.sort}).`,
      schema: { enum: sortable },
    },
    {
      name: 'order',
      in: 'query',
      description: `asc or desc (default ${spec.order}).`,
      schema: { enum: ['asc', 'desc'] },
    },
    {
      name: 'q',
      in: 'query',
      description: `Only rows whose ${spec.searchedIn} holds this text, in any case.`,
      schema: { type: 'string', maxLength: SEARCH_LENGTH },
    },
    ...Object.entries(spec.filters).map(([name, filter]) => ({
      name,
      in: 'query' as const,
      description: filter.description,
      schema: filter.values ? { enum: [...filter.values] } : { type: 'string' },
    })),
  ];
}

/** The 400 problems a list answers, in words, for its operation in the API document. */
export function listProblems<T>(spec: ListSpec<T>): string {
  const closed = Object.entries(spec.filters).filter(([, f]) => f.values);
  return (
    `A sort field other than ${Object.keys(spec.sortable).join(', ')} (/query/sort), an order other than asc or desc (/query/order), ` +
    `a search longer than ${SEARCH_LENGTH} characters (/query/q)` +
    closed.map(([name, f]) => `, a ${name} other than ${f.values!.join(', ')} (/query/${name})`).join('') +
    `, a parameter given twice, or an offset or limit that is not a whole number in range (/query/offset, /query/limit; limit 1 to ${LIST_PAGE_LIMIT}).`
  );
}

function compare(a: Sortable, b: Sortable): number {
  // Rows without the field come last when ascending, first when descending.
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true });
  return a < b ? -1 : 1;
}

function text(query: Request['query'], name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badQuery(name, 'must be given once, as text');
  return wellFormedQuery(name, value);
}

function oneOf<V extends string>(query: Request['query'], name: string, allowed: readonly V[]): V | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (!allowed.includes(value as V)) throw badQuery(name, `must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  return value as V;
}

function badQuery(name: string, message: string): HttpProblem {
  return new HttpProblem(400, 'bad_query', `The query parameter '${name}' ${message}.`, [
    { pointer: `/query/${name}`, code: 'bad_query', message },
  ]);
}
