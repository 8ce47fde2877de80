/**
 * Which channels a message to a patient goes by (issue #20). LINE only when the patient linked it
 * (with its consent) and chose it; mail when they chose it, or whenever LINE cannot carry it, so
 * no message is lost because a LINE link went away.
 */
export type NotificationChannels = 'mail' | 'line' | 'both';

export interface ChannelFacts {
	/** The patient's LINE link, or null when there is none (never linked, disconnected, unfollowed). */
	lineChoice: NotificationChannels | null;
	/** LINE is configured on this server. */
	lineEnabled: boolean;
	hasEmail: boolean;
}

export interface ChannelRoute {
	mail: boolean;
	line: boolean;
}

export function routeMessage(facts: ChannelFacts): ChannelRoute {
	const line = facts.lineEnabled && facts.lineChoice !== null && facts.lineChoice !== 'mail';
	const mail = facts.hasEmail && (!line || facts.lineChoice === 'both');
	return { mail, line };
}

export function isNotificationChannels(value: unknown): value is NotificationChannels {
	return value === 'mail' || value === 'line' || value === 'both';
}
