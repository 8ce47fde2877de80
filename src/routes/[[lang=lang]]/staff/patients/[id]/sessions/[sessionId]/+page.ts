// The one console page that ships JavaScript: the retention countdown and its alert sound. The
// page works without it (the end time is rendered on the server); see src/routes/+layout.ts.
export const csr = true;
