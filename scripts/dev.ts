import { startLocalStack } from "./lib/local-stack";

/** `npm run dev`: the development server with everything it needs (see startLocalStack). */
await startLocalStack("development");
