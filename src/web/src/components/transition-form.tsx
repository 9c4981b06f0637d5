import { useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { ALERT_STATUSES, CLOSING_REASONS } from '../lib/types';
import { ErrorBox } from './states';

export interface Transition {
  readonly status: string;
  readonly reason?: string;
  readonly comment?: string;
}

/** Pick a status, a reason when closing, and an optional comment. */
export function TransitionForm(props: {
  idPrefix: string;
  submitLabel: string;
  onSubmit: (transition: Transition) => Promise<void>;
}) {
  const [status, setStatus] = useState('in_progress');
  const [reason, setReason] = useState('true_positive');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const closing = status === 'resolved' || status === 'dismissed';
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({
        status,
        ...(closing ? { reason } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setComment('');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client', String(caught), [], null));
    } finally {
      setBusy(false);
    }
  };
  const p = props.idPrefix;
  return (
    <form class="form inline-form" onSubmit={submit}>
      <label for={`${p}-status`}>New status</label>
      <select id={`${p}-status`} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
        {ALERT_STATUSES.map((value) => (
          <option key={value} value={value}>
            {value.replace('_', ' ')}
          </option>
        ))}
      </select>
      {closing && (
        <>
          <label for={`${p}-reason`}>Reason</label>
          <select id={`${p}-reason`} value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
            {CLOSING_REASONS.map((value) => (
              <option key={value} value={value}>
                {value.replace('_', ' ')}
              </option>
            ))}
          </select>
        </>
      )}
      <label for={`${p}-comment`}>Comment on this change (optional)</label>
      <textarea
        id={`${p}-comment`}
        rows={2}
        maxLength={1000}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <ErrorBox error={error} />
      <button type="submit" class="primary" disabled={busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}
