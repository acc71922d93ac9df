import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { Button } from 'antd';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

/** Drawing with a finger or mouse on a canvas at the device's pixel density. */
function useSignatureCanvas(onChange: (dataUrl: string | null) => void) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [signed, setSigned] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // draw at the device's pixel size so the line is sharp; the CSS size stays as laid out
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    canvas.width = Math.round(canvas.clientWidth * ratio) || 320;
    canvas.height = Math.round(canvas.clientHeight * ratio) || 160;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.scale(ratio, ratio);
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#1a1a1a';
  }, []);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const handlers = {
    onPointerDown: (event: PointerEvent<HTMLCanvasElement>) => {
      const context = event.currentTarget.getContext('2d');
      if (!context) return;
      event.currentTarget.setPointerCapture?.(event.pointerId);
      drawing.current = true;
      const { x, y } = point(event);
      context.beginPath();
      context.moveTo(x, y);
      context.lineTo(x + 0.1, y + 0.1);
      context.stroke();
    },
    onPointerMove: (event: PointerEvent<HTMLCanvasElement>) => {
      if (!drawing.current) return;
      const context = event.currentTarget.getContext('2d');
      const { x, y } = point(event);
      context?.lineTo(x, y);
      context?.stroke();
    },
    onPointerUp: (event: PointerEvent<HTMLCanvasElement>) => {
      if (!drawing.current) return;
      drawing.current = false;
      setSigned(true);
      onChange(event.currentTarget.toDataURL('image/png'));
    },
  };
  const clear = () => {
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    setSigned(false);
    onChange(null);
  };
  return { canvasRef, handlers, signed, clear };
}

/**
 * The elder's or family's signature with a finger (HCS-8): a canvas that reports a PNG data URL
 * after each stroke, or null when cleared.
 */
export function SignaturePad({ onChange }: { onChange: (dataUrl: string | null) => void }) {
  const { t } = useI18n();
  const { canvasRef, handlers, signed, clear } = useSignatureCanvas(onChange);
  return (
    <div className="signature">
      <canvas
        ref={canvasRef}
        className="signature__canvas"
        aria-label={t('care.signatureArea')}
        role="img"
        {...handlers}
        onPointerCancel={handlers.onPointerUp}
      />
      <div className="signature__bar">
        <span className="muted">{signed ? t('care.signed') : t('care.signHere')}</span>
        <Button size="large" onClick={clear} disabled={!signed}>
          {t('care.clearSignature')}
        </Button>
      </div>
    </div>
  );
}
