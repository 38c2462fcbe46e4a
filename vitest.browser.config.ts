import {defineConfig} from "vitest/config";

// Browser tests run one file at a time against the built site in dist/.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false
  }
});
