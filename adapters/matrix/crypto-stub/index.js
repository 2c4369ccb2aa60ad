"use strict";
// copbot runs without end-to-end encryption; every use of the crypto bindings fails clearly.
const message =
  "end-to-end encryption not available: copbot runs without the Matrix crypto bindings " +
  "(@matrix-org/matrix-sdk-crypto-nodejs is a local stand-in, see docs/matrix-setup.md); use unencrypted rooms";
function unavailable() {
  throw new Error(message);
}
module.exports = new Proxy(
  {},
  {
    get(_target, prop) {
      if (prop === "__esModule") return false;
      if (typeof prop === "symbol") return undefined;
      return new Proxy(unavailable, { get: () => unavailable, construct: unavailable, apply: unavailable });
    },
  },
);
