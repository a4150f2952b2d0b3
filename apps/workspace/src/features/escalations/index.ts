export { EscalationsPanel } from './EscalationsPanel.tsx';
export type { HandoffPrefill } from './handoff-form.ts';
