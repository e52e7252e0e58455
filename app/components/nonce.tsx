import { createContext, useContext } from "react";

/** The CSP nonce, provided by entry.server from the load context: never sent through a loader. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
