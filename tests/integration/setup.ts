// Setup for the integration project (vitest.config.ts). Each test file opens its own database
// through ./test-database.ts; nothing is shared between files.

// Session cookies must not be Secure in tests (app/config.server.ts reads NODE_ENV at run time).
if (process.env.NODE_ENV === "production") process.env.NODE_ENV = "test";
