#!/usr/bin/env node
// The compiled CLI (npm install builds it: see "prepare").
import "../dist/cli.js";
