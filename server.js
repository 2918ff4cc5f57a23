// The app's server: the adapter-node build, with defaults for running it as `npm start` does.
// - Requests up to 256 MB: a published copy of the sample workspace is about 36 MB (adapter-node's
//   default limit is 512 kB). Set BODY_SIZE_LIMIT to change it.
// - Its own address: without ORIGIN, adapter-node takes every request for https, which the API's
//   same-origin check and the unsubscribe links would then get wrong. Set ORIGIN (or PUBLIC_URL)
//   when it is served under another address.
process.env.BODY_SIZE_LIMIT ??= '256M';
process.env.ORIGIN ??= process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
// - Workers' scripts get their own Content Security Policy (csp.js), before the app's handler.
const { addWorkerPolicy } = await import('./csp.js');
const { server } = await import('./build/index.js');
server.server.prependListener('request', addWorkerPolicy);
