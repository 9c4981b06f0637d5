export { type ApiOptions, buildApi } from './build-api.js';
