// The app's server: the adapter-node build, with a request size that fits a published workspace
// (the sample is about 36 MB; adapter-node's default limit is 512 kB). Set BODY_SIZE_LIMIT to change it.
process.env.BODY_SIZE_LIMIT ??= '256M';
await import('./build/index.js');
