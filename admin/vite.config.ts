import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is built into dist/admin, which the server serves at /; in development the API is proxied.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: '../dist/admin', emptyOutDir: true, chunkSizeWarningLimit: 6000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
