/*
 * The baseline: a bare node:http server answering every request with the health endpoint's payload.
 * It runs in a process of its own, as the app does, so the two rows differ only in what the app
 * does per request. Started by bench/servers.ts with PORT set; prints `listening` when ready.
 */
import http from 'node:http';

const body = JSON.stringify({ status: 'ok', database: 'none', version: '0.0.0' });
const server = http.createServer((_req, res) => {
	res.writeHead(200, { 'content-type': 'application/json' });
	res.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
