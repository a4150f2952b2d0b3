export { MyCertifications } from './MyCertifications.tsx';
export { MyCertificationsPage } from './MyCertificationsPage.tsx';
