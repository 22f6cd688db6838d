/** The access matrix's roles and cells, apart so api-matrix.ts and access-matrix.ts share them without a cycle. */
export const ROLES = ["admin", "editor", "viewer", "otherPark", "signedOut", "platform", "regionReader"] as const;
export type Role = (typeof ROLES)[number];
export type Cell = "allowed" | "refused";
export type Cells = Record<Role, Cell>;

/**
 * A platform admin (in the matrix also a viewer of another park) gets what another park's user gets
 * unless told; a region reader of Ningxiang's province what its viewer gets: region roles read, never write.
 */
export const cells = (admin: Cell, editor: Cell, viewer: Cell, otherPark: Cell, signedOut: Cell, platform: Cell = otherPark, regionReader: Cell = viewer): Cells => ({
  admin, editor, viewer, otherPark, signedOut, platform, regionReader,
});
