// The signature pad draws with JavaScript; without it the page still signs by typed name and tick.
export const csr = true;
