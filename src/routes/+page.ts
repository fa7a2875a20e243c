// The landing page is prerendered with its content, so it paints before any script runs.
export const prerender = true;
export const ssr = true;
