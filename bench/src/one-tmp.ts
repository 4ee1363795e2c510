import { freePort, graphql, startApi, stopAndReport } from "./lib/common.js";

const api = await startApi(await freePort(), 0);
const url = `http://127.0.0.1:${api.port}/graphql`;
const SEARCH = `query($q: String!) { search(query: $q, first: 20) { edges { rank snippet node { __typename ... on Post { id body } ... on Thread { id title } } } } }`;
for (const q of (process.env.QS ?? "7777").split("|")) {
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    await graphql(url, SEARCH, { q });
    console.log(q, (performance.now() - t).toFixed(1));
  }
}
await stopAndReport(api);
