#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader (see docs/decisions.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
