/**
 * One POST /events/pull to a bureau (schema/events/bureauEvents.ts), through the bureau's client, as
 * the gateway itself. Settles with the answer or why it failed, never rejects: a bureau that is
 * down, slow, or answers outside the protocol is only a reason to retry.
 */
import { EVENT_ROUTES, eventPullAnswerSchema, type EventPullAnswer, type EventPullRequest } from '../../schema/events/bureauEvents.ts';
import type { FollowedBureau } from './FollowedBureau.ts';

export type PullOutcome =
  | { readonly kind: 'ok'; readonly answer: EventPullAnswer }
  | { readonly kind: 'failed'; readonly message: string };

export async function pullEvents(bureau: FollowedBureau, request: EventPullRequest, signal: AbortSignal): Promise<PullOutcome> {
  const outcome = await bureau.client.post(JSON.stringify(request), {
    path: EVENT_ROUTES.pull,
    // The bureau holds the request up to waitMs by design; its own deadline runs on top of that.
    timeoutMs: request.waitMs + bureau.timeoutMs,
    signal,
    headers: bureau.headers(),
  });
  if (outcome.kind === 'failed') return { kind: 'failed', message: outcome.message };
  const parsed = eventPullAnswerSchema.safeParse(outcome.body);
  if (parsed.success) return { kind: 'ok', answer: parsed.data };
  const refusal = typeof outcome.body === 'object' && outcome.body !== null && Object.hasOwn(outcome.body, 'error')
    ? String((outcome.body as { error: unknown }).error).slice(0, 200)
    : 'an answer outside the event protocol';
  return { kind: 'failed', message: `${bureau.code}: ${refusal}` };
}
