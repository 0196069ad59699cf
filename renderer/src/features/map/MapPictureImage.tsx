import { useMemo } from 'react';

/**
 * A map's stored SVG, shown as an image. As an <img> (never inlined into the page) an SVG is inert:
 * no script in it runs and it loads nothing, whatever it contains. A data: URL rather than a blob:
 * one, so there is no object URL to revoke.
 */
export function MapPictureImage({ svg, label, className }: { svg: string; label: string; className?: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, [svg]);
  return <img className={className} src={src} alt={label} draggable={false} />;
}
