// The ESLint options of one `jwt-lint` run, as an *options module*.
//
// ESLint's worker threads (`concurrency`) need options that can be structured-cloned; a config
// that holds plugin and parser objects cannot be. `ESLint.fromOptionsModule(url)` solves this by
// having every thread import this module itself. The run's settings travel in the module URL's
// query string (`eslint-options.js?preset=strict&fix=1&cwd=…`), so one shipped file serves every
// run and nothing is generated on disk.
import { buildOptions } from './config.js';
import { settingsFromURL } from './settings.js';

export default buildOptions(settingsFromURL(new URL(import.meta.url)));
