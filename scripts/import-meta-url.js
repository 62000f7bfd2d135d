// Injected into the CommonJS bundle (scripts/bundle.mjs): import.meta.url as the bundle's URL.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
