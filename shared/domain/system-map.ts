/** The session's drawing (a system map): the canvas snapshot, stored as the editor gives it. */
export interface SystemMap {
  sessionId: string;
  snapshotJson: string;
  updatedAt: string;
}

/**
 * tldraw's own picture of a map: what its "Export SVG" makes of the whole page. Kept beside the
 * snapshot so the map can still be shown, read-only, where tldraw's editor cannot run (a production
 * build without a valid license).
 */
export interface MapPicture {
  /** The SVG markup; null when the map had no shapes. */
  svg: string | null;
  /**
   * True when the picture was made from the snapshot stored now. False when the snapshot changed
   * since (edits saved from the shared screen, or the window closed before the picture was made):
   * the picture is then of an earlier state of the map.
   */
  current: boolean;
}

/** A map as the vault holds it: the snapshot and, once one was made, its picture. */
export interface StoredSystemMap extends SystemMap {
  picture: MapPicture | null;
}

/**
 * The largest picture the vault takes, in characters. tldraw inlines fonts and images into the SVG,
 * so a picture can outgrow its snapshot; a larger one is not stored (the map stays without a
 * current picture) rather than failing the save of the snapshot itself.
 */
export const MAX_MAP_SVG_CHARS = 50_000_000;
