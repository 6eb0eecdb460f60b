// `npm run bench`: installs what is missing, then runs every benchmark under bench/src.
import { ensureDependencies, run } from './setup.mjs';

ensureDependencies();
process.exitCode = await run(process.execPath, ['--import', 'tsx', 'bench/src/index.ts']);
