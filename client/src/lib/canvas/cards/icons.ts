// Draws the kind icons and card marks from their SVG path data (@interlink/model kindStyles.ts,
// shared with the exports). Each path string is parsed once, by the browser, into a Path2D that
// every card of that kind reuses: a Konva.Path per card would parse its path again for each of
// ten thousand cards and walk it in JavaScript on every redraw.
import { ICON_BOX, ICON_STROKE_WIDTH } from '@interlink/model';

const paths = new Map<string, Path2D>();

function path2d(data: string): Path2D {
  let path = paths.get(data);
  if (!path) {
    path = new Path2D(data);
    paths.set(data, path);
  }
  return path;
}

/**
 * Strokes an icon into the square at (x, y) of side `size`, in the icon format of kindStyles.ts.
 * It leaves the stroke style changed but the transform as it found it, undone by hand rather
 * than with save/restore: Konva already saves around each shape, and a second save per icon
 * per card is measurable when thousands of cards redraw.
 */
export function strokeIcon(context: CanvasRenderingContext2D, data: string, x: number, y: number, size: number, color: string): void {
  const scale = size / ICON_BOX;
  context.translate(x, y);
  context.scale(scale, scale);
  context.strokeStyle = color;
  context.lineWidth = ICON_STROKE_WIDTH;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.stroke(path2d(data));
  context.scale(1 / scale, 1 / scale);
  context.translate(-x, -y);
}
