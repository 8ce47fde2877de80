import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres-cluster';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

/** One PostgreSQL cluster for the whole unit and integration run. */
export default async function setup(project: TestProject) {
	const cluster = await startCluster();
	project.provide('postgresUrl', cluster.url);
	return () => cluster.stop();
}
