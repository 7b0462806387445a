import { defineConfig } from 'vitest/config';

// Runs against the built package in dist/, after `npm run build`.
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
  },
});
