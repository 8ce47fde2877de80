import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { classifyPushStatus, retryAfterMs, type PushOutcome } from '../../domain/messaging/line-delivery';
import type { LineConfig } from './line-config';

/** The SDK's Messaging API client, pointed at LINE_API_BASE (a local peer in the tests). */
export function messagingClient(config: LineConfig): messagingApi.MessagingApiClient {
	return new messagingApi.MessagingApiClient({ channelAccessToken: config.channelAccessToken, baseURL: config.apiBase });
}

export interface SendResult {
	outcome: PushOutcome;
	error: string | null;
	/** A 429 or 503's Retry-After, in ms from `now`: when the next attempt may run (issue #17). */
	retryAfterMs?: number;
}

/** A push with its retry key: the same key on every attempt of one job, so LINE delivers it once. */
export async function pushLineMessages(config: LineConfig, to: string, messages: messagingApi.Message[], retryKey: string, now = 0): Promise<SendResult> {
	return attempt(() => messagingClient(config).pushMessage({ to, messages }, retryKey), now);
}

/** A reply to an event: free of the monthly quota, but the reply token lives about a minute. */
export async function replyLineMessages(config: LineConfig, replyToken: string, messages: messagingApi.Message[]): Promise<SendResult> {
	return attempt(() => messagingClient(config).replyMessage({ replyToken, messages }));
}

async function attempt(send: () => Promise<unknown>, now = 0): Promise<SendResult> {
	try {
		await send();
		return { outcome: 'delivered', error: null };
	} catch (cause) {
		// The response body may echo what was sent: only the status is kept.
		if (cause instanceof HTTPFetchError) {
			const outcome = classifyPushStatus(cause.status);
			const wait = outcome === 'retry' ? retryAfterMs(cause.headers?.get('retry-after'), now) : null;
			return { outcome, error: `LINE answered ${cause.status}`, ...(wait !== null ? { retryAfterMs: wait } : {}) };
		}
		// No answer at all (network down, timeout): passing, like a 5xx.
		return { outcome: 'retry', error: cause instanceof Error ? cause.message.slice(0, 200) : 'network error' };
	}
}
