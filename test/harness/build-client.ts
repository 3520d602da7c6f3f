import { buildClient } from '../../scripts/build-client';

/** Browser suites test the client as users get it: built by Vite (both passes), served by the API. */
export default async function buildClientForBrowserSuites() {
  await buildClient();
}
