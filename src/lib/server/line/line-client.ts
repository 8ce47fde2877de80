import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { classifyPushStatus, type PushOutcome } from '../../domain/messaging/line-delivery';
import type { LineConfig } from './line-config';

/** The SDK's Messaging API client, pointed at LINE_API_BASE (a local peer in the tests). */
export function messagingClient(config: LineConfig): messagingApi.MessagingApiClient {
	return new messagingApi.MessagingApiClient({ channelAccessToken: config.channelAccessToken, baseURL: config.apiBase });
}

export interface SendResult {
	outcome: PushOutcome;
	error: string | null;
}

/** A push with its retry key: the same key on every attempt of one job, so LINE delivers it once. */
export async function pushLineMessages(config: LineConfig, to: string, messages: messagingApi.Message[], retryKey: string): Promise<SendResult> {
	return attempt(() => messagingClient(config).pushMessage({ to, messages }, retryKey));
}

/** A reply to an event: free of the monthly quota, but the reply token lives about a minute. */
export async function replyLineMessages(config: LineConfig, replyToken: string, messages: messagingApi.Message[]): Promise<SendResult> {
	return attempt(() => messagingClient(config).replyMessage({ replyToken, messages }));
}

async function attempt(send: () => Promise<unknown>): Promise<SendResult> {
	try {
		await send();
		return { outcome: 'delivered', error: null };
	} catch (cause) {
		// The response body may echo what was sent: only the status is kept.
		if (cause instanceof HTTPFetchError) return { outcome: classifyPushStatus(cause.status), error: `LINE answered ${cause.status}` };
		// No answer at all (network down, timeout): passing, like a 5xx.
		return { outcome: 'retry', error: cause instanceof Error ? cause.message.slice(0, 200) : 'network error' };
	}
}
