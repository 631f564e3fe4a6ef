#!/usr/bin/env node
// The built CLI lives in dist/ (made by `npm install` through the prepare script).
try {
  await import('../dist/cli/main.js');
} catch (error) {
  if (error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND' && error.message.includes('dist/cli/main.js')) {
    process.stderr.write('docket: the command is not built yet; run `npm install` in the Docket folder first\n');
    process.exit(1);
  }
  throw error;
}
