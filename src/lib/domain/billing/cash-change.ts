/*
 * Cash at the desk (issue #22): the patient hands over more than is due and gets the change back.
 * What was tendered must cover the amount taken; the change is told before the drawer opens.
 */

export type CashChange = { ok: true; changeJpy: number } | { ok: false; code: 'tendered_short'; shortJpy: number };

/** The change for `tenderedJpy` handed over against `amountJpy` taken, in whole yen. */
export function cashChange(amountJpy: number, tenderedJpy: number): CashChange {
	if (tenderedJpy < amountJpy) return { ok: false, code: 'tendered_short', shortJpy: amountJpy - tenderedJpy };
	return { ok: true, changeJpy: tenderedJpy - amountJpy };
}
