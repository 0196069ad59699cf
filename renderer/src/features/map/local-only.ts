import {
  AssetRecordType,
  createShapeId,
  defaultHandleExternalTldrawContent,
  getHashForString,
  toRichText,
  type Editor,
  type TLAsset,
  type TLBookmarkAsset,
  type TLContent,
  type VecLike,
} from 'tldraw';

/**
 * tldraw reaches for the network on its own in a few places. The map must never do so (the CSP
 * would refuse anyway, but a refused request is still an attempt and an error in the console):
 *
 * - a pasted or dropped URL becomes an embed (an <iframe> to YouTube, Figma, Google Maps…) or a
 *   bookmark whose preview is *fetched* from that URL (title, description, og:image, favicon);
 * - pasted <iframe> code becomes an embed;
 * - tldraw content pasted from elsewhere can carry images and bookmarks hosted on the web.
 *
 * Here a URL becomes a plain text shape holding the address, bookmark assets are made without
 * fetching, and web-hosted assets are dropped from pasted tldraw content.
 */
export function keepMapLocal(editor: Editor): void {
  editor.registerExternalContentHandler('url', ({ url, point }) => {
    putUrlAsText(editor, url, point);
  });
  editor.registerExternalContentHandler('embed', ({ url, point }) => {
    putUrlAsText(editor, url, point);
  });
  editor.registerExternalAssetHandler('url', async ({ url }) => offlineBookmarkAsset(url));
  editor.registerExternalContentHandler('tldraw', ({ point, content }) =>
    defaultHandleExternalTldrawContent(editor, point ? { point, content: withoutWebAssets(content) } : { content: withoutWebAssets(content) }),
  );
}

function putUrlAsText(editor: Editor, url: string, point: VecLike | undefined): void {
  const at = point ?? editor.getViewportPageBounds().center;
  const id = createShapeId();
  editor.createShape({
    id,
    type: 'text',
    x: at.x,
    y: at.y,
    props: { richText: toRichText(url), font: 'sans', size: 's', color: 'blue' },
  });
  // Centre it on the point, then step down past anything it would cover (several URLs pasted at once).
  const bounds = editor.getShapePageBounds(id);
  if (bounds) {
    let y = at.y - bounds.h / 2;
    const x = at.x - bounds.w / 2;
    const others = editor.getCurrentPageShapeIds();
    for (let step = 0; step < 50; step++) {
      const box = bounds.clone();
      box.x = x;
      box.y = y;
      const covers = [...others].some((other) => other !== id && editor.getShapePageBounds(other)?.collides(box));
      if (!covers) break;
      y += bounds.h + 8;
    }
    editor.updateShape({ id, type: 'text', x, y });
  }
  editor.select(id);
}

function offlineBookmarkAsset(url: string): TLBookmarkAsset {
  return {
    id: AssetRecordType.createId(getHashForString(url)),
    typeName: 'asset',
    type: 'bookmark',
    props: { src: url, title: url, description: '', image: '', favicon: '' },
    meta: {},
  };
}

const isWebUrl = (src: string | null | undefined): boolean => !!src && /^(https?:)?\/\//i.test(src.trim());

function withoutWebAssets(content: TLContent): TLContent {
  const assets = content.assets.map((asset): TLAsset => {
    if ((asset.type === 'image' || asset.type === 'video') && isWebUrl(asset.props.src)) {
      return { ...asset, props: { ...asset.props, src: null } } as TLAsset;
    }
    if (asset.type === 'bookmark') {
      return { ...asset, props: { ...asset.props, image: '', favicon: '' } };
    }
    return asset;
  });
  return { ...content, assets };
}
