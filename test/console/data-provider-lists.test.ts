/**
 * The console's lists are sorted, filtered and paged by the server: what each getList call sends. The
 * data provider is called as react-admin calls it, getList(resource, params), over a fetch that records
 * the address asked for and answers one row with its total in X-Total-Count.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider } from '../../admin/src/dataProvider';

let asked: string[] = [];

beforeEach(() => {
  asked = [];
  vi.stubGlobal('localStorage', { getItem: () => 'a-session-token', setItem: () => {}, removeItem: () => {} });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify([{ id: 'u1', policyId: 'adult-ras', version: '2010-revised' }]), {
        headers: { 'Content-Type': 'application/json', 'X-Total-Count': '1234' },
      });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

/** The query of the one request made, as name=value pairs in the order sent. */
const sent = () => {
  expect(asked).toHaveLength(1);
  const [path, query = ''] = asked[0]!.split('?');
  return { path, query: [...new URLSearchParams(query)] };
};

describe('a list the server sorts, filters and pages', () => {
  it("sends one scheme's filter, the sort and the page to the versions of every scheme", async () => {
    const result = await dataProvider.getList('versions', {
      filter: { policyId: 'childrens-ras', status: 'ratified' },
      sort: { field: 'ratification.effectiveFrom', order: 'DESC' },
      pagination: { page: 3, perPage: 10 },
    });
    expect(sent()).toEqual({
      path: '/api/versions',
      query: [
        ['policyId', 'childrens-ras'],
        ['status', 'ratified'],
        ['sort', 'ratification.effectiveFrom'],
        ['order', 'desc'],
        // Page 3 of 10 a page starts after 20.
        ['offset', '20'],
        ['limit', '10'],
      ],
    });
    // The total is the server's count of every match, and a version's id is its scheme and name.
    expect(result).toEqual({ data: [{ id: 'adult-ras:2010-revised', policyId: 'adult-ras', version: '2010-revised' }], total: 1234 });
  });

  it('sends the search typed (trimmed) and leaves out filters that are empty or not the list’s', async () => {
    await dataProvider.getList('users', {
      filter: { q: '  olivia ', role: '', team: 'north' },
      sort: { field: 'username', order: 'ASC' },
      pagination: { page: 1, perPage: 25 },
    });
    expect(sent()).toEqual({
      path: '/api/users',
      query: [
        ['q', 'olivia'],
        ['sort', 'username'],
        ['order', 'asc'],
        ['offset', '0'],
        ['limit', '25'],
      ],
    });
  });

  it("sorts by the list's own key when react-admin asks for its default 'id'", async () => {
    await dataProvider.getList('versions', { filter: {}, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 1000 } });
    expect(sent().query).toEqual([
      ['sort', 'policyId'],
      ['order', 'asc'],
      ['offset', '0'],
      ['limit', '1000'],
    ]);
  });

  it('changes only the limit and offset when the page size changes', async () => {
    await dataProvider.getList('policies', {
      filter: { q: 'adult' },
      sort: { field: 'title', order: 'DESC' },
      pagination: { page: 2, perPage: 50 },
    });
    expect(sent()).toEqual({
      path: '/api/policies',
      query: [
        ['q', 'adult'],
        ['sort', 'title'],
        ['order', 'desc'],
        ['offset', '50'],
        ['limit', '50'],
      ],
    });
  });

  it('asks for the versions of one scheme when a scheme lists its versions by reference', async () => {
    await dataProvider.getManyReference('versions', {
      target: 'policyId',
      id: 'adult-ras',
      filter: {},
      sort: { field: 'version', order: 'ASC' },
      pagination: { page: 1, perPage: 5 },
    });
    expect(sent().query).toEqual([
      ['policyId', 'adult-ras'],
      ['sort', 'version'],
      ['order', 'asc'],
      ['offset', '0'],
      ['limit', '5'],
    ]);
  });

  it('sends the cohorts list its sort and page', async () => {
    await dataProvider.getList('cohorts', {
      filter: {},
      sort: { field: 'createdAt', order: 'ASC' },
      pagination: { page: 1, perPage: 1000 },
    });
    expect(sent()).toEqual({
      path: '/api/cohorts',
      query: [
        ['sort', 'createdAt'],
        ['order', 'asc'],
        ['offset', '0'],
        ['limit', '1000'],
      ],
    });
  });
});

describe('the decisions, which the server keeps newest first', () => {
  it("sends the person's reference typed in the search box, and the page", async () => {
    await dataProvider.getList('decisions', {
      filter: { reference: ' A-0001 ' },
      sort: { field: 'createdAt', order: 'DESC' },
      pagination: { page: 2, perPage: 25 },
    });
    expect(sent()).toEqual({
      path: '/api/decisions',
      query: [
        ['reference', 'A-0001'],
        ['offset', '25'],
        ['limit', '25'],
      ],
    });
  });
});
