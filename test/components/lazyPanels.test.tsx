// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyPanel, preloadPanels } from '../../src/components/lazyPanels';

afterEach(cleanup);

function Hello({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

describe('lazy panels', () => {
  it('a panel not yet loaded shows nothing, then itself once its chunk has arrived', async () => {
    let arrive!: () => void;
    const chunk = new Promise<void>((r) => (arrive = r));
    const Panel = lazyPanel(() => chunk.then(() => Hello));
    render(<Panel name="a" />);
    expect(screen.queryByText('hello a')).toBeNull();
    await act(async () => arrive());
    expect(await screen.findByText('hello a')).toBeTruthy();
  });

  it('a preloaded panel renders in the same pass as its parent', async () => {
    const Panel = lazyPanel(() => Promise.resolve(Hello));
    await preloadPanels();
    render(<Panel name="b" />);
    expect(screen.getByText('hello b')).toBeTruthy(); // no fallback in between
  });

  it('loads each chunk once, however often it is preloaded or shown', async () => {
    let loads = 0;
    const Panel = lazyPanel(() => {
      loads++;
      return Promise.resolve(Hello);
    });
    await Promise.all([preloadPanels(), preloadPanels()]);
    render(<Panel name="c" />);
    render(<Panel name="d" />);
    expect(loads).toBe(1);
  });
});
