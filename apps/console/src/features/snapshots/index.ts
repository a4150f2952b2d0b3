export { SnapshotPage } from './SnapshotPage.tsx';
export { SnapshotsPage } from './SnapshotsPage.tsx';
