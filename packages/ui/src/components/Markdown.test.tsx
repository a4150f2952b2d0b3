import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown.tsx';

function renderMarkdown(text: string) {
  return render(
    <MantineProvider>
      <Markdown>{text}</Markdown>
    </MantineProvider>,
  );
}

describe('Markdown', () => {
  it('renders emphasis, code and lists', () => {
    renderMarkdown('Check the **driver GPS**, tag `airport`:\n\n- one\n- two');
    expect(screen.getByText('driver GPS').tagName).toBe('STRONG');
    expect(screen.getByText('airport').tagName).toBe('CODE');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('never renders raw HTML or script links', () => {
    const { container } = renderMarkdown(
      'Hi <img src=x onerror="alert(1)"><script>alert(2)</script> [click](javascript:void) [docs](https://example.com)',
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).not.toContain('onerror');
    // The javascript: link loses its target; the safe one stays.
    expect(container.innerHTML).not.toMatch(/javascript:/i);
    expect(screen.getByText('click').getAttribute('href') ?? '').toBe('');
    const link = screen.getByRole('link', { name: 'docs' });
    expect(link).toHaveAttribute('href', 'https://example.com');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noreferrer noopener');
  });
});
