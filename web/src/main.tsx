import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { apolloClient } from "./app/apollo/client";
// Before the router, so that the stylesheets keep their order (see styles.ts).
import "./app/styles";
import { AppRouter, preloadPage } from "./app/router";
import { i18nReady } from "./i18n";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

// The first page's chunk loads meanwhile.
preloadPage(window.location.pathname);
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <ApolloProvider client={apolloClient}>
        <AppRouter />
      </ApolloProvider>
    </StrictMode>,
  ),
);
