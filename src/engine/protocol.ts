/** Messages between the engine (main thread) and its PGlite worker. */

export interface WorkerInit {
  pgliteWasm: WebAssembly.Module;
  fsBundle: ArrayBuffer;
  /** Compiled only when no data dir is given (initdb runs). */
  initdbWasm: WebAssembly.Module | null;
}

export type WorkerRequest =
  | {
      id: number;
      op: "open";
      data: Uint8Array | null;
      extensions: Array<{ name: string; url: string; preload: boolean }>;
    }
  | { id: number; op: "exec"; sql: string; blob?: Uint8Array }
  | { id: number; op: "query"; sql: string }
  | { id: number; op: "dump"; compression: "none" | "gzip" };

export interface WorkerError {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
}

export type WorkerResponse =
  | {
      id: number;
      ok: true;
      inTransaction: boolean;
      /** Rows of each result set (query: one). */
      results?: Array<Record<string, unknown>[]>;
      data?: Uint8Array;
    }
  | { id: number; ok: false; inTransaction: boolean; error: WorkerError };
