import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ViewerContext } from '../auth/viewer-context.ts';
import { mockViewer } from '../testing/fixtures.ts';
import { renderWithProviders } from '../testing/render.tsx';
import { AppFrame } from './AppFrame.tsx';

const LINKS = [
  'Inbox',
  'Escalations',
  'My macros',
  'My reviews',
  'My certifications',
  'Routing guide',
  'My training',
  'Approvals',
].map((label) => ({ label, to: `/${label.toLowerCase().replace(/ /g, '-')}` }));

describe('AppFrame', () => {
  // jsdom lays nothing out (nor computes these styles), so this pins the inline styles that keep a full header usable: with
  // the workspace's eight links a 1280-pixel screen once pushed the availability control
  // and the account menu off its right edge.
  it('scrolls the header links sideways and never shrinks the header controls', () => {
    renderWithProviders(
      <ViewerContext.Provider value={mockViewer()}>
        <AppFrame
          appName="Workspace"
          navLinks={LINKS}
          headerControls={<button type="button">My availability</button>}
        >
          <p>Page</p>
        </AppFrame>
      </ViewerContext.Provider>,
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav.style.overflowX).toBe('auto');
    expect(nav.style.minWidth).toMatch(/^0(px)?$/);
    for (const link of screen.getAllByRole('link')) {
      expect(nav).toContainElement(link);
      expect(link.style.flexShrink).toBe('0');
    }
    expect(screen.getAllByRole('link')).toHaveLength(LINKS.length);
    // Icon-only on narrower screens, each link keeps its name.
    for (const { label } of LINKS) {
      expect(screen.getByRole('link', { name: label })).toHaveAttribute('title', label);
    }
    const controls = screen.getByRole('button', { name: 'My availability' }).parentElement!;
    expect(controls).toContainElement(screen.getByRole('button', { name: /Account menu/ }));
    expect(controls.style.flexShrink).toBe('0');
  });
});
