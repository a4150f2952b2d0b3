export { CertificationsPage } from './CertificationsPage.tsx';
export { ExpiringPage } from './ExpiringPage.tsx';
export { HoldersPage } from './HoldersPage.tsx';
