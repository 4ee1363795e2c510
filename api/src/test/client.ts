import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

// biome-ignore lint/suspicious/noExplicitAny: tests read response shapes they just asked for
export type GqlResult<T = Record<string, any>> = {
  status: number;
  data: T | null | undefined;
  errors: GraphQLFormattedError[] | undefined;
  headers: Headers;
};

export type RequestOptions = { token?: string | undefined; cookie?: string; headers?: Record<string, string> };

/** One GraphQL operation over HTTP, the way a client would send it. */
// biome-ignore lint/suspicious/noExplicitAny: tests read response shapes they just asked for
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GqlResult<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as ExecutionResult<T>;
  return {
    status: res.status,
    data: body.data,
    errors: body.errors as GraphQLFormattedError[] | undefined,
    headers: res.headers,
  };
}

/** The code of the first error, the thing most tests assert. */
export const errorCode = (result: { errors?: readonly GraphQLFormattedError[] | undefined }) =>
  result.errors?.[0]?.extensions?.code as string | undefined;

export function wsClient(
  url: string,
  connectionParams?: Record<string, unknown>,
  headers?: Record<string, string>,
): Client {
  class HeaderedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url,
    webSocketImpl: headers ? HeaderedWebSocket : WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Runs one query or mutation over the socket and resolves with its single result. */
export function wsQuery<T = Record<string, unknown>>(
  client: Client,
  query: string,
): Promise<FormattedExecutionResult<T, unknown>> {
  return new Promise((resolve, reject) => {
    let result: FormattedExecutionResult<T, unknown> | undefined;
    client.subscribe<T>(
      { query },
      {
        next: (value) => {
          result = value;
        },
        error: reject,
        complete: () => (result ? resolve(result) : reject(new Error("no result"))),
      },
    );
  });
}
