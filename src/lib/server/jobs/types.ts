export interface Job {
	id: string;
	kind: string;
	payload: string;
	run_at: string;
	attempts: number;
	locked_until: string | null;
	done_at: string | null;
	last_error: string | null;
	created_at: string;
}
