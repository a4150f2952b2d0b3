export { MacroPicker, type MacroPickerProps } from './MacroPicker.tsx';
export { MyMacrosPage } from './MyMacrosPage.tsx';
export { SopPanel, type SopPanelProps } from './SopPanel.tsx';
