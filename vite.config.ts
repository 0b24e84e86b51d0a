import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config, three jobs:
// - `vite build --mode embed`: the script-tag bundle, dist/embed/dotdigital-signup.js
// - `vite build --mode demo`:  the React demo page's bundle, dist/demo-site/react-demo.js
// - `vitest`:                  unit, component and proxy tests under test/
// The npm entries themselves are compiled by `tsc -p tsconfig.build.json`.
export default defineConfig(({ mode }) => {
  if (mode === 'embed') {
    return {
      plugins: [react()],
      publicDir: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: 'dist/embed',
        emptyOutDir: true,
        sourcemap: true,
        minify: true,
        lib: { entry: 'src/embed/index.ts', name: 'DotdigitalSignupBundle', formats: ['iife'], fileName: () => 'dotdigital-signup.js' },
      },
    };
  }
  if (mode === 'demo') {
    return {
      plugins: [react()],
      publicDir: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: 'dist/demo-site',
        emptyOutDir: true,
        sourcemap: true,
        minify: true,
        lib: { entry: 'src/demo/react-demo.tsx', formats: ['es'], fileName: () => 'react-demo.js' },
      },
    };
  }
  return {
    plugins: [react()],
    test: {
      include: ['test/**/*.test.{ts,tsx}'],
      environment: 'node',
      restoreMocks: true,
      setupFiles: ['test/setup.ts'],
    },
  };
});
