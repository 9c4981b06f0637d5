/** What a held call is about, for whoever decides (an admin over REST, or the user through elicitation). */
export interface ApprovalRequest {
  readonly serverId: string;
  readonly sessionId: string | null;
  readonly tool: string | null;
  readonly method: string;
  readonly arguments: unknown;
  readonly ruleIds: string[];
  readonly summary: string;
  readonly timeoutMs: number;
}

export type ApprovalDecision = 'approved' | 'denied' | 'timeout';

/** Decides on a call held by an `approve` rule when the client cannot be asked through elicitation. */
export interface Approver {
  request(input: ApprovalRequest): Promise<ApprovalDecision>;
}

/**
 * The stand-in until a store-backed queue is wired in: nobody can answer, so every held call is
 * denied once its timeout passes (the "a timeout that denies").
 */
export function createTimeoutApprover(): Approver {
  return {
    request: (input) =>
      new Promise((resolve) => {
        setTimeout(() => resolve('timeout'), input.timeoutMs).unref?.();
      }),
  };
}
