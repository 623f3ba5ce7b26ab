// OpenTelemetry tracing: one server span per request, child of the caller's `traceparent` (W3C trace
// context), named after the GraphQL operation, exported over OTLP/HTTP. Off, with nothing loaded,
// unless OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set (config.ts).
//
// The span is made here from the OpenTelemetry API rather than by @envelop/opentelemetry: that
// plugin (9.x) is built on the 1.x SDK, starts its spans at execution (so a request refused by
// authentication, limits or the budget, or answered from the response cache, has none) and does not
// read `traceparent`. Resolver-level spans would cost more than our point lookups themselves.
import { context, SpanKind, SpanStatusCode, type Span, type TextMapPropagator, type Tracer } from "@opentelemetry/api";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { requestState, type RequestState } from "./request-state.js";

export type TracingConfig = Pick<Config, "OTEL_EXPORTER_OTLP_ENDPOINT" | "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" | "OTEL_SERVICE_NAME" | "OTEL_SDK_DISABLED">;

/** What the tracing plugin needs: where spans go, and how a caller's trace context is read. */
export interface RequestTracing {
  tracer: Tracer;
  /** W3C trace context (`traceparent`, `tracestate`). */
  propagator: TextMapPropagator;
}

export interface Tracing extends RequestTracing {
  /** Sends the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

/** The OTLP/HTTP traces URL the configuration names, or null when tracing is off. */
export function tracesUrl(config: TracingConfig): string | null {
  if (config.OTEL_SDK_DISABLED) return null;
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  // The standard: the generic endpoint is a base to which the signal's path is appended.
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, "")}/v1/traces`;
  return null;
}

/** Starts the SDK when configured (loaded only then); null otherwise. */
export async function startTracing(config: TracingConfig, logger?: Logger): Promise<Tracing | null> {
  const url = tracesUrl(config);
  if (!url) return null;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { W3CTraceContextPropagator }] = await Promise.all([
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/core"),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": config.OTEL_SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  const propagator = new W3CTraceContextPropagator();
  provider.register({ propagator });
  logger?.info({ url }, "tracing: exporting spans over OTLP/HTTP");
  return { tracer: provider.getTracer("vngov"), propagator, shutdown: () => provider.shutdown() };
}

const spans = new WeakMap<RequestState, Span>();

/** The propagator reads headers through this (the Fetch API's Headers, not a plain object). */
const headerGetter = {
  keys: (carrier: Headers) => [...carrier.keys()],
  get: (carrier: Headers, key: string) => carrier.get(key) ?? undefined,
};

export function tracingPlugin({ tracer, propagator }: RequestTracing): Plugin {
  return {
    onRequest({ request, url }) {
      const state = requestState(request);
      const parent = propagator.extract(context.active(), request.headers, headerGetter);
      const span = tracer.startSpan(
        `${request.method} ${url.pathname}`,
        {
          kind: SpanKind.SERVER,
          attributes: { "http.request.method": request.method, "url.path": url.pathname, "vngov.request_id": state.requestId },
        },
        parent,
      );
      spans.set(state, span);
      state.traceId = span.spanContext().traceId;
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const span = request ? spans.get(requestState(request)) : undefined;
      if (!span) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const name = operation.name?.value;
      span.updateName(`${operation.operation} ${name ?? "anonymous"}`);
      span.setAttributes({ "graphql.operation.type": operation.operation, ...(name ? { "graphql.operation.name": name } : {}) });
    },
    onResponse({ request, response }) {
      const state = requestState(request);
      const span = spans.get(state);
      if (!span) return;
      spans.delete(state);
      span.setAttributes({ "http.response.status_code": response.status, "vngov.cost": state.cost, "vngov.cache_hit": state.cacheHit === true });
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
