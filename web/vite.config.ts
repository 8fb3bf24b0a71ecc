import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '#app': src('app'),
      '#shared': src('shared'),
      '#modules': src('modules'),
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.KEHU_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Keep the vendor stack in stable, cacheable chunks; modules are split by React.lazy.
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/](react|react-dom|scheduler|react-router)[\\/]/.test(id)) return 'react';
          if (/[\\/](i18next|react-i18next|@tanstack)[\\/]/.test(id)) return 'libs';
          return undefined;
        },
      },
    },
  },
  test: {
    // Pure logic runs in node; component tests opt into jsdom with a file comment.
    environment: 'node',
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // antd's first render in jsdom is slow on a 2-core box.
    testTimeout: 30_000,
  },
});
