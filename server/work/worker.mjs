// A worker thread of the work pool: TypeScript through tsx, as the server itself runs, then the tasks.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./tasks.ts');
export default run;
