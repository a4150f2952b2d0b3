export { RoutingGuidePage } from './RoutingGuidePage.tsx';
