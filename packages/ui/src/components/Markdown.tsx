import { Typography, type TypographyProps } from '@mantine/core';
import ReactMarkdown from 'react-markdown';

export interface MarkdownProps extends Omit<TypographyProps, 'children'> {
  /** Markdown written by staff (SOP steps). */
  children: string;
}

/**
 * Renders staff-written markdown safely: react-markdown builds React elements (never
 * innerHTML), skips raw HTML, and drops javascript: and other unsafe link protocols. Links
 * open in a new tab so a playbook never navigates the agent away from the conversation.
 */
export function Markdown({ children, ...props }: MarkdownProps) {
  return (
    <Typography fz="sm" {...props}>
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ node: _node, ...link }) => (
            <a {...link} target="_blank" rel="noreferrer noopener" />
          ),
          img: ({ alt }) => <span>{alt}</span>,
        }}
      >
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
