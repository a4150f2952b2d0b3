export { MacroActionsSummary, type MacroActionsSummaryProps } from './MacroActionsSummary.tsx';
export { MacroForm, type MacroFormProps } from './MacroForm.tsx';
export { serverFieldErrors } from './server-field-errors.ts';
