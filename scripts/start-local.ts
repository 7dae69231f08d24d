import { startLocalStack } from "./lib/local-stack";

/** `npm run start:local`: the production build on this machine, against the embedded database and the emulator. */
await startLocalStack("production");
