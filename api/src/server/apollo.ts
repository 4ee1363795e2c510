import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { Context } from "../core/context.js";
import type { Logger } from "../core/logger.js";
import { createErrorFormatter } from "./errors.js";
import { inputTextPlugin } from "./input-text.js";
import { jitGateway } from "./jit-executor.js";
import { costLimitPlugin, validationRules } from "./limits.js";

export type ApolloOptions = {
  schema: GraphQLSchema;
  httpServer: Server;
  production: boolean;
  logger: Logger;
  /** Closes WebSocket connections when the server drains. */
  disposeWebSockets: () => Promise<void>;
};

export function createApollo(options: ApolloOptions): ApolloServer<Context> {
  const { schema, httpServer, production, logger } = options;
  return new ApolloServer<Context>({
    gateway: jitGateway(schema),
    introspection: !production,
    // No "did you mean …" hints that would map the schema for a stranger in production.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown (drain, close the database, exit); a second stop() from Apollo's
    // own signal handler would wait forever on the first.
    stopOnTerminationSignals: false,
    validationRules,
    formatError: createErrorFormatter(logger),
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return { drainServer: options.disposeWebSockets };
        },
      },
      // Per-field cache-control bookkeeping costs ~25% of throughput and we set no cache hints.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      costLimitPlugin(schema),
      inputTextPlugin(schema),
    ],
  });
}
