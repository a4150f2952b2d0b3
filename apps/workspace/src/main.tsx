import '@switchboard/ui/styles.css';
import { mountApp } from '@switchboard/ui';
import { createWorkspaceRouter } from './router.tsx';

mountApp(createWorkspaceRouter);
