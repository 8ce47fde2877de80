import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres-cluster';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

/** The run's PostgreSQL cluster: the one `npm test` started, or a new one for a lone `vitest`. */
export default async function setup(project: TestProject) {
	const shared = process.env.SHINKYU_TEST_POSTGRES_URL;
	if (shared) {
		project.provide('postgresUrl', shared);
		return;
	}
	const cluster = await startCluster();
	project.provide('postgresUrl', cluster.url);
	return () => cluster.stop();
}
