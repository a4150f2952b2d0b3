export { ThemesPage } from './ThemesPage.tsx';
