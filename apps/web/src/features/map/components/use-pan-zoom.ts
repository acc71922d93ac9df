import { useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { IDENTITY_VIEW, panBy, zoomAt, type Size, type View } from '../projection.ts';

const MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [40, 0],
  ArrowRight: [-40, 0],
  ArrowUp: [0, 40],
  ArrowDown: [0, -40],
};

/** Wheel zooms at the pointer, dragging pans, arrow keys pan and +/− zoom (the map has focus). */
export function usePanZoom(size: Size) {
  const [view, setView] = useState<View>(IDENTITY_VIEW);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number } | undefined>(undefined);
  const toMap = (clientX: number, clientY: number): [number, number] => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return [size.width / 2, size.height / 2];
    const ratio = size.width / rect.width;
    return [(clientX - rect.left) * ratio, (clientY - rect.top) * ratio];
  };
  const zoomCentre = (factor: number) => setView((current) => zoomAt(current, factor, size.width / 2, size.height / 2));
  const stop = () => (drag.current = undefined);
  const handlers = {
    onWheel: (event: WheelEvent<SVGSVGElement>) => {
      const [x, y] = toMap(event.clientX, event.clientY);
      setView((current) => zoomAt(current, event.deltaY < 0 ? 1.25 : 0.8, x, y));
    },
    onPointerDown: (event: PointerEvent<SVGSVGElement>) => {
      drag.current = { x: event.clientX, y: event.clientY };
    },
    onPointerMove: (event: PointerEvent<SVGSVGElement>) => {
      const start = drag.current;
      if (!start) return;
      const [x0, y0] = toMap(start.x, start.y);
      const [x1, y1] = toMap(event.clientX, event.clientY);
      drag.current = { x: event.clientX, y: event.clientY };
      setView((current) => panBy(current, x1 - x0, y1 - y0));
    },
    onPointerUp: stop,
    onPointerLeave: stop,
    onKeyDown: (event: KeyboardEvent<SVGSVGElement>) => {
      const move = MOVES[event.key];
      if (move) setView((current) => panBy(current, move[0], move[1]));
      else if (event.key === '+' || event.key === '=') zoomCentre(1.25);
      else if (event.key === '-') zoomCentre(0.8);
      else return;
      event.preventDefault();
    },
  };
  return { view, svgRef, handlers, zoomCentre, reset: () => setView(IDENTITY_VIEW) };
}
