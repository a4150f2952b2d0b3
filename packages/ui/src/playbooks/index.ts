export { MacroActionsSummary, type MacroActionsSummaryProps } from './MacroActionsSummary.tsx';
export {
  ArchiveMacroModal,
  type ArchiveMacroModalProps,
  type EditableMacro,
  MacroEditorDrawer,
  type MacroEditorDrawerProps,
  MacroRowActions,
  type MacroRowActionsProps,
} from './MacroEditor.tsx';
export { MacroForm, type MacroFormProps } from './MacroForm.tsx';
export { serverFieldErrors } from './server-field-errors.ts';
