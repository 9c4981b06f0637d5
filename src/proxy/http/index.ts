export { GatewayContext, type GatewayInterceptorFactory } from './gateway-context.js';
export { gatewayInterceptors } from './gateway-interceptors.js';
export { HttpGateway } from './http-gateway.js';
export { LegacySseGateway } from './legacy-sse.js';
