// Lets a benchmark import the app's server modules outside Next: `server-only` (which throws outside
// React Server Components) resolves to an empty module. Used as `tsx --import ./bench/support/register.mjs`.
import { register } from "node:module";

register("./server-only-loader.mjs", import.meta.url);
