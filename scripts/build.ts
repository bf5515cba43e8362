// npm run build: the web app, always rebuilt, under the same lock `npm start` takes when it builds a missing one.
import { ensureWebBuild } from '../server/http/web-build.ts';

await ensureWebBuild('always');
