#!/usr/bin/env node
// Runs before `npm start` and `npm test` so that a fresh clone needs no manual `npm install`.
// Plain CommonJS with no dependencies, because it must run before node_modules exists.
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const lockFile = path.join(root, 'package-lock.json');
const installedMarker = path.join(root, 'node_modules', '.package-lock.json');

function needsInstall() {
  if (!fs.existsSync(installedMarker)) return true;
  // npm rewrites node_modules/.package-lock.json on every install; an older one means the lock moved on.
  return fs.statSync(lockFile).mtimeMs > fs.statSync(installedMarker).mtimeMs;
}

if (needsInstall()) {
  console.log('[ledgerflow] installing npm dependencies (first run)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
