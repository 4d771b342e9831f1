#!/usr/bin/env node
// Runs before `npm test`: the studio's end-to-end tests drive Debian's Chromium through playwright-core.
// Plain CommonJS with no dependencies, like ensure-installed.cjs, so it runs on a fresh machine.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';

if (!fs.existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`[ledgerflow] ${CHROMIUM} is missing; the studio's end-to-end tests need it. Install it with:`);
    console.error('  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium');
    process.exit(1);
  }
  console.log("[ledgerflow] installing Debian's chromium for the studio's end-to-end tests (first run)…");
  const quietly = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  try {
    execFileSync('apt-get', ['update', '-qq'], quietly);
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], quietly);
  } catch (error) {
    console.error(`[ledgerflow] could not install chromium with apt-get: ${error.message}`);
    process.exit(1);
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`[ledgerflow] apt-get finished but ${CHROMIUM} is still missing`);
    process.exit(1);
  }
  console.log(`[ledgerflow] chromium installed at ${CHROMIUM}`);
}
