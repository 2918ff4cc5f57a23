// The data lives in the browser (IndexedDB, and for now a generated sample), so pages render
// there; the node server only serves the shell.
export const ssr = false;
export const prerender = false;
