import type { MessageKey } from '$lib/i18n/translate';
import type { NotificationChannels } from '$lib/domain/messaging/channels';

/** Where a patient gets reminders. */

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannels, MessageKey> = {
	mail: 'line.channels.mail',
	line: 'line.channels.line',
	both: 'line.channels.both'
};
