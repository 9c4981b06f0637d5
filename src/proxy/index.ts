export {
  type ApprovalDecision,
  type ApprovalRequest,
  type Approver,
  createTimeoutApprover,
} from './approver.js';
export { type ClientRequester, createClientRequester } from './client-requester.js';
export {
  GatewayContext,
  type GatewayInterceptorFactory,
  gatewayInterceptors,
  HttpGateway,
  LegacySseGateway,
} from './http/index.js';
export {
  createInterceptor,
  type FailMode,
  type InterceptorDeps,
  type InterceptResult,
  type McpInterceptor,
  TOOL_CHANGED_RULE,
} from './interceptor.js';
export {
  BLOCKED_ERROR_CODE,
  errorResponse,
  isErrorResponse,
  isNotification,
  isRequest,
  isResult,
  type JsonRpcError,
  type JsonRpcId,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResult,
  looksLikeJsonRpc,
  UPSTREAM_ERROR_CODE,
} from './json-rpc.js';
export { OrderedDelivery } from './ordered-delivery.js';
export type { EventSink, ProxyEvent, ProxyEventRecord } from './proxy-event.js';
export { bufferDirFor, runProxySession, type StdioProxyRun } from './proxy-runner.js';
export { createSession, type ProxySession } from './proxy-session.js';
export { guessServerType, serverNameFor } from './server-identity.js';
export { BufferedSink, type Deliver, type DeliveryResult } from './sinks/buffered-sink.js';
export { DeadLetterFile, DiskBuffer } from './sinks/disk-buffer.js';
export { EventJournal } from './sinks/event-journal.js';
export { localDelivery } from './sinks/local-delivery.js';
export { type RemoteTarget, remoteDelivery } from './sinks/remote-delivery.js';
export {
  type WorkerDelivery,
  type WorkerReply,
  type WorkerRequest,
  workerDelivery,
} from './sinks/worker-delivery.js';
export { runStdioProxy, type StdioProxyOptions } from './stdio/stdio-proxy.js';
export {
  type ToolChange,
  type ToolDefinition,
  type ToolPart,
  type ToolPinGuard,
  toolDefinitionsOf,
} from './tool-pin-guard.js';
