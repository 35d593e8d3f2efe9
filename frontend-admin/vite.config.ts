/// <reference types="vitest/config" />
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In CI the test script sets WQ_REPORT_DIR and counts tests from the JUnit files. A relative
// directory is taken from where npm was started (INIT_CWD), not from this workspace.
const reportDir = process.env.WQ_REPORT_DIR
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.WQ_REPORT_DIR)
  : undefined;

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: { '@': path.resolve(import.meta.dirname, 'src') },
  },
  server: {
    port: 5174,
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 700,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 15_000,
    reporters: reportDir ? ['default', 'junit'] : ['default'],
    outputFile: reportDir
      ? { junit: path.join(reportDir, 'junit-vitest-admin.xml') }
      : undefined,
  },
});
