/**
 * How the journeys and the browser benchmarks launch Debian's Chromium (`apt-get install
 * chromium`; Playwright cannot download its own here): headless, no sandbox (root), no GPU, and
 * none of its own background traffic, which must not leave the machine. One place, so a
 * benchmark measures the browser the journeys run.
 */
export const DEBIAN_CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
