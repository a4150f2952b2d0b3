import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The only place the apps read the environment: where the dev server forwards API calls.
const serverUrl = process.env.SWITCHBOARD_SERVER_URL ?? 'http://127.0.0.1:3000';

/** Vite settings shared by the workspace and the console; each differs only in path and port. */
export function switchboardAppConfig({ base, port }) {
  return defineConfig({
    base,
    plugins: [react()],
    server: {
      port,
      proxy: {
        '/trpc': { target: serverUrl, changeOrigin: true },
        '/api': { target: serverUrl, changeOrigin: true },
        // The live stream (SSE) and the chat widget, so `pnpm dev` behaves like the server.
        '/events': { target: serverUrl, changeOrigin: true },
        '/chat': { target: serverUrl, changeOrigin: true },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      rolldownOptions: {
        output: {
          // Libraries change less often than the app: separate chunks stay cached across releases.
          codeSplitting: {
            groups: [
              {
                name: 'react',
                test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              },
              { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|@tabler)[\\/]/ },
              {
                name: 'data',
                test: /node_modules[\\/](@tanstack|@trpc|superjson|better-auth|@better-fetch|zod)[\\/]/,
              },
            ],
          },
        },
      },
    },
  });
}
