// Configuration: every environment variable the server reads, validated once at start-up.
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { repoRoot } from "./paths.js";


const bool = (fallback: "true" | "false") =>
  z
    .enum(["true", "false"])
    .default(fallback)
    .transform((value) => value === "true");
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const configSchema = z.object({
  /** "production" turns off development-only warnings (Pothos' unused-selection warnings); `npm start` sets it. */
  NODE_ENV: z.string().min(1).default("development"),
  /** PostgreSQL connection string; unset means the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  /** Where the embedded database lives when DATABASE_URL is unset. */
  DATA_DIR: z.string().min(1).default("data"),
  /**
   * On the embedded database, let V8 optimise PGlite's WebAssembly: SQL about 1.8 × faster (figures,
   * writes, keys; registry reads send none), about 100 MB more resident memory (db/pglite-memory.ts).
   */
  EMBEDDED_OPTIMISED_SQL: bool("false"),
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Interface to listen on. */
  HOST: z.string().min(1).default("0.0.0.0"),
  /** pino log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Serve GraphiQL at /graphql for browsers. */
  GRAPHIQL: bool("true"),
  /** Answer introspection queries: on by default, the API is public and documented. */
  INTROSPECTION: bool("true"),
  /** Origins allowed by CORS: "*" or a comma-separated list of origins. */
  CORS_ORIGINS: z
    .string()
    .default("*")
    .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean)),
  /**
   * Request headers browsers may send cross-origin (answered in Access-Control-Allow-Headers):
   * a comma-separated list, by default the ones GraphQL clients send (Apollo's client name and
   * version, W3C trace context, the request id).
   */
  CORS_ALLOWED_HEADERS: z
    .string()
    .default(
      "content-type,authorization,x-request-id,apollographql-client-name,apollographql-client-version,apollo-require-preflight,x-apollo-operation-name,traceparent,tracestate,baggage,if-none-match",
    )
    .transform((value) => value.split(",").map((name) => name.trim().toLowerCase()).filter(Boolean)),
  /** How long browsers may reuse a preflight answer, in seconds (Access-Control-Max-Age; Chromium caps it at 7,200). */
  CORS_MAX_AGE_SECONDS: count(7_200, 0),
  /** Answers of at least this many bytes are compressed (brotli or gzip, as the client accepts); 0 compresses every answer. */
  COMPRESSION_MIN_BYTES: count(1_024, 0),
  /** Compress answers at all. */
  COMPRESSION: bool("true"),
  /** Accept Apollo's automatic persisted queries (the hash of any query, registered by sending it once with its text). */
  APQ: bool("true"),
  /** Most automatic persisted queries kept (in this process; in Redis they expire after APQ_TTL_SECONDS). */
  APQ_MAX_ENTRIES: count(1_000),
  /** How long an automatic persisted query is kept after its registration, in seconds. */
  APQ_TTL_SECONDS: count(86_400),
  /** Longest query text, in bytes, that may be registered as an automatic persisted query. */
  APQ_MAX_QUERY_BYTES: count(32_768),
  /** Serve Prometheus metrics at GET /metrics. */
  METRICS: bool("true"),
  /**
   * OpenTelemetry: traces are exported over OTLP/HTTP when one of these standard variables is set
   * (the traces one wins), and not recorded at all otherwise.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  /** The service name traces carry. */
  OTEL_SERVICE_NAME: z.string().min(1).default("vngov"),
  /** "true" turns tracing off even when an endpoint is set (the standard switch). */
  OTEL_SDK_DISABLED: bool("false"),

  /** Deepest selection nesting an operation may have. */
  MAX_DEPTH: count(10),
  /** Most aliases in one operation. */
  MAX_ALIASES: count(30),
  /** Most lexical tokens in one document. */
  MAX_TOKENS: count(2000),
  /** Most directives in one operation. */
  MAX_DIRECTIVES: count(20),
  /** Highest cost (objects the response can hold, from page sizes) one operation may request. */
  MAX_COST: count(60_000),
  /** Operations in one batched request (a JSON array); 0 refuses batches. */
  BATCH_LIMIT: count(10, 0),
  /** Largest request body, in bytes; larger bodies get 413. */
  // Room for convertAddresses with 1,000 one-line addresses of up to 300 characters.
  MAX_BODY_BYTES: count(512_000),
  /** Largest answer, in bytes counted while computing it (boundaries); larger ones get RESPONSE_TOO_LARGE. */
  // All 34 provinces at FULL detail are 25.5 MB; one province at most 2.8 MB.
  MAX_RESPONSE_BYTES: count(32 * 1024 * 1024),
  /**
   * Most bytes of answers (counted as for MAX_RESPONSE_BYTES) this process computes and sends at once;
   * past it a further heavy answer gets RATE_LIMITED (429, retry in seconds), unless it is the only one.
   */
  // One answer of every province at FULL detail (25.5 MB) at a time. A counted byte holds about 4 bytes of
  // memory until sent: without this bound 12 such answers at once took the process to 1.8 GB.
  MAX_RESPONSE_BYTES_IN_FLIGHT: count(32 * 1024 * 1024),
  /** An operation still running after this many milliseconds is abandoned with REQUEST_TIMEOUT. */
  REQUEST_TIMEOUT_MS: count(15_000),

  /** Length of the rate-limit window, in seconds. */
  RATE_LIMIT_WINDOW_SECONDS: count(60),
  /** Cost budget per window of an anonymous caller (per IP address). */
  RATE_LIMIT_ANONYMOUS: count(120_000),
  /** Cost budget per window of an API key. */
  RATE_LIMIT_KEY: count(600_000),
  /** Redis for rate limits shared by every server instance; unset keeps them in this process. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL")
    .optional(),
  /**
   * Reverse proxies in front of the server, whose X-Forwarded-For entries are believed: "false" (none,
   * the default), a hop count ("1": one proxy; "true" means 1), or a comma-separated list of the
   * proxies' addresses and CIDR ranges. The client is the right-most entry not trusted.
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value, context): number | string[] => {
      const text = value.trim();
      if (text === "false") return 0;
      if (text === "true") return 1;
      if (/^\d+$/.test(text)) return Number(text);
      const entries = text.split(",").map((entry) => entry.trim()).filter(Boolean);
      const bad = entries.filter((entry) => {
        const [address, bits, extra] = entry.split("/");
        const family = net.isIP(address ?? "");
        return family === 0 || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
      });
      if (entries.length === 0 || bad.length > 0) {
        context.addIssue({ code: z.ZodIssueCode.custom, message: `TRUST_PROXY must be false, true, a hop count or a list of IP addresses/CIDR ranges; not ${bad.join(", ") || "empty"}` });
        return z.NEVER;
      }
      return entries;
    }),

  /** The persisted operations (hash → document JSON map); a missing file means none. */
  PERSISTED_DOCUMENTS_PATH: z.string().min(1).default(path.join(repoRoot, "packages/sdk/src/generated/persisted-documents.json")),
  /** Accept only persisted operations from every caller (keys can also be marked one by one). */
  PERSISTED_ONLY: bool("false"),

  /** Change feed (subscription `changes` over server-sent events): most subscribers one instance serves at once. */
  FEED_MAX_SUBSCRIBERS: count(100),
  /** Change feed: most events replayed after a client's cursor (`after` or Last-Event-ID) when it connects. */
  FEED_MAX_REPLAY: count(1_000),
  /** Change feed: seconds between the comment lines that keep an idle stream (and the proxies on its way) open. */
  FEED_HEARTBEAT_SECONDS: count(15),

  /** On SIGTERM, how long in-flight requests may take to finish before connections are cut. */
  SHUTDOWN_TIMEOUT_MS: count(10_000),
});

export type Config = Omit<z.infer<typeof configSchema>, "DATA_DIR" | "PERSISTED_DOCUMENTS_PATH"> & {
  DATA_DIR: string;
  PERSISTED_DOCUMENTS_PATH: string;
};

/** Reads and validates the configuration; throws one error listing every invalid variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return {
    ...parsed.data,
    DATA_DIR: path.resolve(parsed.data.DATA_DIR),
    PERSISTED_DOCUMENTS_PATH: path.resolve(parsed.data.PERSISTED_DOCUMENTS_PATH),
  };
}

/** The documented defaults: what a server gets for every variable left unset. */
export const defaultConfig: Config = loadConfig({});

/** Where the embedded PGlite database lives (its folder is owned by one process at a time). */
export function embeddedDatabaseDir(config: Config): string {
  return path.join(config.DATA_DIR, "pglite");
}
