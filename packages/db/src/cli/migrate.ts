import { migrateWithReport, openDatabase, runCli } from './common.ts';

runCli('db:migrate', async () => {
  const handle = openDatabase();
  try {
    await migrateWithReport(handle);
  } finally {
    await handle.close();
  }
});
