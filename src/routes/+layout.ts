// The app runs in the browser only; the pages that can paint without data opt back in to prerendering.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
