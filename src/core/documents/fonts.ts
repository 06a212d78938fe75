// The CJK fonts documents embed: Debian's fonts-noto-cjk (OpenType collections; pdfkit opens a
// face of a collection by its PostScript name). Missing fonts are a deployment error with a fix.
import fs from 'node:fs';

export interface FontFace {
  path: string;
  /** PostScript name of the face inside the collection. */
  face: string;
}

const NOTO_DIR = '/usr/share/fonts/opentype/noto';

export const CJK_FONTS = {
  serif: { path: `${NOTO_DIR}/NotoSerifCJK-Regular.ttc`, face: 'NotoSerifCJKsc-Regular' },
  serifBold: { path: `${NOTO_DIR}/NotoSerifCJK-Bold.ttc`, face: 'NotoSerifCJKsc-Bold' },
  sans: { path: `${NOTO_DIR}/NotoSansCJK-Regular.ttc`, face: 'NotoSansCJKsc-Regular' },
  sansBold: { path: `${NOTO_DIR}/NotoSansCJK-Bold.ttc`, face: 'NotoSansCJKsc-Bold' },
} as const satisfies Record<string, FontFace>;

export type CjkFontName = keyof typeof CJK_FONTS;

/** The font, or an error that says how to install it. */
export function cjkFont(name: CjkFontName): FontFace {
  const font = CJK_FONTS[name];
  if (!fs.existsSync(font.path)) {
    throw new Error(`缺少中文字体文件 ${font.path}（${font.face}）：请安装 Debian 软件包 fonts-noto-cjk（apt-get install fonts-noto-cjk）`);
  }
  return font;
}
