// altegio-b2b/redis (Node): one rate budget and one login shared by every process, on Redis. Uses the core only
// through its public door; needs the optional peer dependency `redis` (node-redis) when given a `url`.
export { createRedisRateLimiter } from "./rate-limiter.js";
export type { RedisRateLimiter, RedisRateLimiterOptions } from "./rate-limiter.js";
export { createRedisSessionStore } from "./session-store.js";
export type { RedisSessionStore, RedisSessionStoreOptions } from "./session-store.js";
export type { RedisClient, RedisConnectionOptions } from "./connection.js";
