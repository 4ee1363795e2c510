import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { apolloClient } from "./app/apollo/client";
// Before the router, so that the stylesheets keep their order (see styles.ts).
import "./app/styles";
import { router } from "./app/router";
import { i18nReady } from "./i18n";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

// The router starts loading the page's chunk and data meanwhile.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <ApolloProvider client={apolloClient}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </StrictMode>,
  ),
);
