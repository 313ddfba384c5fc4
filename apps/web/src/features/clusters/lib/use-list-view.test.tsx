import { act, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClustersToolbar } from '../components/clusters-toolbar';
import { hasFilters } from './cluster-list-view';
import { SEARCH_URL_DELAY_MS, useListView } from './use-list-view';

/** The list's toolbar on the list's view, as the page wires them, with a sort button. */
function ListViewProbe() {
  const { view, update, search, flush } = useListView();
  return (
    <>
      <ClustersToolbar
        view={view}
        onChange={update}
        onSearch={search}
        onSearchEnd={flush}
        onClear={() => update({ q: '', type: '', usage: '', worker: '' })}
        filtered={hasFilters(view)}
      />
      <button type="button" onClick={() => update({ sort: 'usage' })}>
        Sort by usage
      </button>
    </>
  );
}

function renderList(url = '/clusters') {
  const router = createMemoryRouter(
    [
      { path: '/clusters', element: <ListViewProbe /> },
      { path: '/elsewhere', element: <p>Elsewhere</p> },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  return { router, box: screen.getByLabelText('Search by name') };
}

/** Lets the timers run on and the router finish the navigations they start. */
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('the list view in the URL while typing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when keys are typed, then the view shows them at once and the URL gets the text only once typing pauses', async () => {
    const { router, box } = renderList();
    fireEvent.change(box, { target: { value: 'h' } });
    await wait(SEARCH_URL_DELAY_MS - 50);
    fireEvent.change(box, { target: { value: 'ho' } });
    expect(box).toHaveValue('ho');
    await wait(SEARCH_URL_DELAY_MS - 50);
    expect(router.state.location.search).toBe('');
    await wait(50);
    expect(router.state.location.search).toBe('?q=ho');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('when the box loses focus or gets Enter, then the URL gets the text at once', async () => {
    const { router, box } = renderList();
    fireEvent.change(box, { target: { value: 'host' } });
    fireEvent.blur(box);
    await wait(0);
    expect(router.state.location.search).toBe('?q=host');
    fireEvent.change(box, { target: { value: 'hostx' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await wait(0);
    expect(router.state.location.search).toBe('?q=hostx');
  });

  it('when another part of the view changes right after typing, then the URL carries both', async () => {
    const { router, box } = renderList('/clusters?usage=worker');
    fireEvent.change(box, { target: { value: 'vc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sort by usage' }));
    await wait(0);
    expect(router.state.location.search).toBe('?q=vc&usage=worker&sort=usage');
    await wait(SEARCH_URL_DELAY_MS);
    expect(router.state.location.search).toBe('?q=vc&usage=worker&sort=usage');
  });

  it('when the user goes back while a text waits, then it is not written into the entry shown', async () => {
    const { router, box } = renderList();
    await act(() => router.navigate('/clusters?q=old'));
    fireEvent.change(box, { target: { value: 'new' } });
    await act(() => router.navigate(-1));
    await wait(SEARCH_URL_DELAY_MS);
    expect(router.state.location.search).toBe('');
    expect(box).toHaveValue('');
  });

  it('when the page is left while a text waits, then the page navigated to keeps its URL', async () => {
    const { router, box } = renderList();
    fireEvent.change(box, { target: { value: 'abc' } });
    await act(() => router.navigate('/elsewhere?tab=1'));
    await wait(SEARCH_URL_DELAY_MS);
    expect(router.state.location.pathname).toBe('/elsewhere');
    expect(router.state.location.search).toBe('?tab=1');
  });
});
