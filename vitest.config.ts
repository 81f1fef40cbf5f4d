import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["__tests__/**/*.test.ts"],
    // Only a real hang should fail a test: a busy 2-core machine can make a traced end-to-end test take minutes.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
  },
});
