export { openStore } from './open-store.js';
export type {
  ApiKeyRecord,
  ApiKeyRepository,
  AuditRepository,
  EventFilter,
  EventRepository,
  EventToStore,
  Page,
  PageRequest,
  RateLimitRepository,
  ServerPatch,
  ServerRecord,
  ServerRepository,
  Store,
  StoreBackend,
} from './store.js';
