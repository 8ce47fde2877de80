// `npm run create-admin -- --email E --password P [--role owner|practitioner|reception] [--name N]`
// Creates a staff account without prompting; prompts for whatever flags are missing.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../src/lib/server/audit/audit-log';
import { translate } from '../src/lib/i18n/translate';
import { createStaff } from '../src/lib/server/staff/create-staff';
import { withAppDatabase } from './cli';

const { values } = parseArgs({
	options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
	allowPositionals: false
});

async function ask(question: string, hidden = false): Promise<string> {
	if (!process.stdin.isTTY) {
		console.error(`Missing ${question.replace(/:\s*$/, '')}: pass it as a flag when not running in a terminal.`);
		process.exit(1);
	}
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
	if (hidden) {
		// Echo nothing while the password is typed.
		(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
			if (s.includes(question)) process.stdout.write(s);
		};
	}
	const answer = await rl.question(question);
	rl.close();
	if (hidden) process.stdout.write('\n');
	return answer;
}

const email = values.email ?? (await ask('E-mail: '));
const password = values.password ?? (await ask('Password: ', true));
const role = values.role ?? 'owner';

const input = z.object({ email: z.email(), role: z.enum(['owner', 'practitioner', 'reception']) }).safeParse({ email: email.trim(), role });
if (!input.success) {
	for (const issue of input.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
	process.exit(1);
}

await withAppDatabase(async (db) => {
	const result = await createStaff(
		db,
		{ email: input.data.email, role: input.data.role, password, displayName: values.name ?? input.data.email },
		SYSTEM_ACTOR
	);
	if (result.ok) {
		console.log(`Created ${result.staff.role} account ${result.staff.email}.`);
		if (result.staff.role === 'owner') console.log('At first sign-in the owner sets up an authenticator app.');
		return 0;
	}
	if (result.code === 'email_taken') {
		console.error(`A staff account with the e-mail ${input.data.email} already exists.`);
	} else {
		const reasons = result.problems.map((p) => translate('en', `password.${p}`, { min: 13 }));
		console.error(`Weak password: ${reasons.join(' ')}`);
	}
	return 1;
});
