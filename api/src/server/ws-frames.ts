import { MessageType } from "graphql-ws";
import type { WebSocket } from "ws";

/**
 * Sends graphql-transport-ws `next` frames for one subscription, its payload given already as
 * JSON: the payload of a shared event is serialised once for all subscribers (shared-subscribe.ts)
 * and only the subscription id differs between their frames. Equivalent to what graphql-ws sends
 * (`{"id":…,"type":"next","payload":…}`), without JSON.stringify of the payload per socket.
 */
export function nextFrameSender(socket: WebSocket, id: string) {
  const head = `{"id":${JSON.stringify(id)},"type":${JSON.stringify(MessageType.Next)},"payload":`;
  return (payloadJson: string) => {
    // As graphql-ws's own send: a socket that is closing or closed gets nothing.
    if (socket.readyState === socket.OPEN) socket.send(`${head}${payloadJson}}`);
  };
}
