#!/usr/bin/env node
'use strict';
/**
 * `npm run dev`: watch mode. Builds dist/ (JavaScript only, well under a second), runs the server
 * as a child process with this terminal's settings, and on every change under core/, plugin/ or
 * wp-json/ rebuilds and restarts it (the old server is stopped first: it holds the store's lock).
 * A build error is printed and the running server is left alone until the next change.
 * Types are not checked here: `npm run typecheck -- --watch` beside it does that.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { build } = require('./build.js');

const ROOT = path.join(__dirname, '..');
const SERVER = path.join(ROOT, 'dist', 'plugin', 'server.js');
let child = null;
let timer = null;
let running = Promise.resolve();
let stopping = false;

function stopChild() {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

async function rebuildAndRestart(reason) {
  try {
    await build({ parts: ['js'] });
  } catch (e) {
    process.stderr.write(`dev: build failed (${reason}); the server keeps running the last good build.\n${e.message}\n`);
    return;
  }
  await stopChild();
  if (stopping) return;
  if (reason) process.stderr.write(`dev: ${reason}: restarted\n`);
  child = spawn(process.execPath, ['--enable-source-maps', SERVER], { stdio: 'inherit', env: process.env });
}

function schedule(reason) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(() => rebuildAndRestart(reason));
  }, 100);
}

for (const dir of ['core', 'plugin', 'wp-json']) {
  fs.watch(path.join(ROOT, dir), { recursive: true }, (_event, file) => {
    if (file && String(file).endsWith('.ts') && !String(file).endsWith('.test.ts')) schedule(`${dir}/${file} changed`);
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopping = true;
    clearTimeout(timer);
    stopChild().then(() => process.exit(0));
  });
}
running = rebuildAndRestart('');
