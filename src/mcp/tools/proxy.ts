import { z } from 'zod';
import { needs, plain, requirePort } from '../app-ports.js';
import { idInput } from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

const toolName = z.string().min(1).max(200).describe('The MCP tool name as the server lists it.');

const pinOutput = z.looseObject({
  name: z.string(),
  status: z.string(),
  hidden: z.boolean(),
  description: z.string().nullable(),
  changed: z.looseObject({ parts: z.array(z.string()) }).nullable(),
});

const approvalOutput = z.looseObject({
  id: z.string(),
  serverId: z.string(),
  tool: z.string().nullable(),
  arguments: z.unknown(),
  ruleIds: z.array(z.string()),
  status: z.string(),
  expiresAt: z.string(),
});

export const listToolPins = defineTool({
  name: 'list_tool_pins',
  title: 'Pinned tool definitions of a server',
  description:
    "Lists the tool definitions Sentinel's proxy pinned for a server, with any change since the pin (which parts changed, the new description) and whether the tool is hidden until approved. " +
    'Use it when a tool-poisoning or rug-pull finding names a changed tool. Next: tool_pin_approve once the user has reviewed the change.',
  toolset: 'proxy',
  tier: 'read',
  available: needs('toolPins'),
  input: { server_id: idInput('server') },
  output: { pins: z.array(pinOutput) },
  handler: async ({ app, principal }, { server_id }) => {
    const pins = plain(await requirePort(app, 'toolPins').list(principal, server_id)) as { status: string }[];
    const changed = pins.filter((pin) => pin.status === 'changed').length;
    return {
      data: { pins },
      guidance: `${pins.length} pinned tool(s), ${changed} changed since pinned. Next: review each change with the user.`,
    };
  },
});

export const toolPinApprove = defineTool({
  name: 'tool_pin_approve',
  title: 'Accept a changed tool definition',
  description:
    "Makes a tool's changed definition the new pin, so the proxy shows and forwards it again; audited. " +
    'Use it only after the user has reviewed the change (a changed description is how tool poisoning arrives). Next: list_tool_pins to confirm.',
  toolset: 'proxy',
  tier: 'configuration',
  available: needs('toolPins'),
  input: { server_id: idInput('server'), tool: toolName },
  output: { pin: pinOutput },
  handler: async ({ app, principal }, { server_id, tool }) => ({
    data: { pin: plain(await requirePort(app, 'toolPins').approve(principal, server_id, tool)) },
    guidance: 'The current definition is now the pin.',
  }),
});

export const listApprovals = defineTool({
  name: 'list_approvals',
  title: 'Calls waiting for approval',
  description:
    'Lists tool calls the proxy is holding for a human decision (rules with the approve action), with the masked arguments, the rules that matched and when each expires. ' +
    'Use it when the user asks what is waiting for them. Next: approval_decide.',
  toolset: 'proxy',
  tier: 'read',
  available: needs('approvals'),
  input: { status: z.enum(['pending', 'approved', 'denied', 'expired']).default('pending') },
  output: { approvals: z.array(approvalOutput) },
  handler: async ({ app, principal }, { status }) => {
    const approvals = plain(await requirePort(app, 'approvals').list(principal, { status })) as unknown[];
    return {
      data: { approvals },
      guidance: `${approvals.length} ${status} approval(s). Next: approval_decide after the user chooses.`,
    };
  },
});

export const approvalDecide = defineTool({
  name: 'approval_decide',
  title: 'Approve or deny a held call',
  description:
    'Approves or denies a tool call the proxy is holding; the waiting agent gets the answer at once, on any node. Audited. ' +
    'Use it only with the user’s explicit decision: approving runs the call. Next: list_approvals.',
  toolset: 'proxy',
  tier: 'configuration',
  idempotent: false,
  available: needs('approvals'),
  input: {
    approval_id: idInput('approval'),
    decision: z.enum(['approve', 'deny']),
    comment: z.string().max(2000).optional(),
  },
  output: { approval: approvalOutput },
  handler: async ({ app, principal }, { approval_id, decision, comment }) => ({
    data: {
      approval: plain(
        await requirePort(app, 'approvals').decide(principal, approval_id, {
          decision,
          ...(comment ? { comment } : {}),
        }),
      ),
    },
    guidance: `Call ${decision === 'approve' ? 'approved' : 'denied'}.`,
  }),
});

export const proxyTools: readonly Tool[] = [listToolPins, toolPinApprove, listApprovals, approvalDecide];
