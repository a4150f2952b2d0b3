export { IncidentBanner } from './IncidentBanner.tsx';
export { IncidentMenu } from './IncidentMenu.tsx';
