// Pages are server-rendered and work without JavaScript; none is shipped until a page needs it.
export const csr = false;
