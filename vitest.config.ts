import {defineConfig} from "vitest/config";

// Components import Plot the way Framework pages do ("npm:@observablehq/plot"); in Node the
// same module comes from node_modules, so chart functions can be tested under jsdom.
export default defineConfig({
  resolve: {
    alias: [
      {find: /^npm:@observablehq\/plot$/, replacement: "@observablehq/plot"},
      {find: /^npm:d3$/, replacement: "d3"},
      {find: /^npm:htl$/, replacement: "htl"},
      {find: /^npm:apache-arrow$/, replacement: "apache-arrow"}
    ]
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // Loaders spawned by tests keep stderr for warnings and errors only (tests assert it is empty);
    // progress lines are tested in test/data-loaders/progress.test.ts.
    env: {LOADER_PROGRESS: "off"}
  }
});
