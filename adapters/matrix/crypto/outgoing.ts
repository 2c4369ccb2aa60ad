import {
  KeysClaimRequest,
  KeysQueryRequest,
  KeysUploadRequest,
  SignatureUploadRequest,
  ToDeviceRequest,
  type OlmMachine,
} from "@matrix-org/matrix-sdk-crypto-wasm";

/** One call to the homeserver: the client's request function with its retries. */
export type CryptoHttp = (
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
) => Promise<unknown>;

/** A request the machine wants sent: any of its request classes. */
export type MachineRequest = Awaited<ReturnType<OlmMachine["outgoingRequests"]>>[number];

const CLIENT = "/_matrix/client/v3";

function parsed(body: string): unknown {
  return JSON.parse(body) as unknown;
}

/**
 * Sends one of the machine's requests to its endpoint and hands the answer back to the machine,
 * which only then counts it as done. Returns false for the kinds copbot never sends (in-room
 * verification and key backup are not used): those stay with the machine.
 */
export async function sendRequest(
  machine: OlmMachine,
  http: CryptoHttp,
  request: MachineRequest,
): Promise<boolean> {
  let response: unknown;
  if (request instanceof KeysUploadRequest) {
    response = await http("POST", `${CLIENT}/keys/upload`, parsed(request.body));
  } else if (request instanceof KeysQueryRequest) {
    response = await http("POST", `${CLIENT}/keys/query`, parsed(request.body));
  } else if (request instanceof KeysClaimRequest) {
    response = await http("POST", `${CLIENT}/keys/claim`, parsed(request.body));
  } else if (request instanceof ToDeviceRequest) {
    // The machine's own transaction id: a retried send is delivered once.
    const path = `${CLIENT}/sendToDevice/${encodeURIComponent(request.event_type)}/${encodeURIComponent(request.txn_id)}`;
    response = await http("PUT", path, parsed(request.body));
  } else if (request instanceof SignatureUploadRequest) {
    response = await http("POST", `${CLIENT}/keys/signatures/upload`, parsed(request.body));
    // Signature uploads made outside the machine's queue have no id and need no answer.
    if (request.id === undefined) return true;
    await machine.markRequestAsSent(request.id, request.type, JSON.stringify(response ?? {}));
    return true;
  } else {
    return false;
  }
  await machine.markRequestAsSent(request.id, request.type, JSON.stringify(response ?? {}));
  return true;
}
