import '@switchboard/ui/styles.css';
import { mountApp } from '@switchboard/ui';
import { createConsoleRouter } from './router.tsx';

mountApp(createConsoleRouter);
