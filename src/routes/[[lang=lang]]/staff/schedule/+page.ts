// The schedule ships JavaScript for its calendar (click a slot to book, drag to move); the
// server-rendered grid and forms work without it (see src/routes/+layout.ts).
export const csr = true;
