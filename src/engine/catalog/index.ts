/** Schema snapshots of a PostgreSQL database and review-like differences between two of them. */
export { aclChanges, type Grant, parseAcl } from "./acl.js";
export { diffSnapshots, displayName, shortType } from "./diff.js";
export { BOOKKEEPING_TABLES, EXCLUDED_SCHEMAS, type SnapshotOptions, snapshotSchema } from "./snapshot.js";
export type * from "./types.js";
