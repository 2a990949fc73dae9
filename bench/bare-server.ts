/**
 * The ceiling: a bare Fastify route on this machine, `{ hello: 'world' }`, no logging, no plugins.
 * Started by `npm run bench` as a process of its own; prints "listening on <port>".
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening on ${typeof address === 'object' && address ? address.port : 0}`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
