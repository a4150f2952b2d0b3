import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A calm indigo: readable on dense tables in both light and dark schemes. */
const switchboardIndigo: MantineColorsTuple = [
  '#eef0ff',
  '#dce0f8',
  '#b6bdec',
  '#8d98e0',
  '#6a79d6',
  '#5465d0',
  '#485bcf',
  '#394bb8',
  '#3142a5',
  '#263892',
];

export const switchboardTheme = createTheme({
  primaryColor: 'switchboard',
  primaryShade: { light: 6, dark: 4 },
  colors: { switchboard: switchboardIndigo },
  defaultRadius: 'md',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // A badge in a narrow cell would shrink and cut its label; a status must read whole.
    Badge: { defaultProps: { radius: 'sm', miw: 'max-content' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    Paper: { defaultProps: { withBorder: true } },
  },
});
