/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // The Express server (server/index.ts) is compiled together with the app into build/index.js,
  // so it shares one database module with the routes and can close it on shutdown.
  server: "./server/index.ts",
  serverBuildPath: "build/index.js",
  serverModuleFormat: "esm",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}", "**/*.css"],
  watchPaths: ["db/**/*.ts"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
