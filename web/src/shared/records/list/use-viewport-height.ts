import { useEffect, useState } from 'react';

/** Viewport height minus the chrome above and below a scrolling area, kept current on resize. */
export function useViewportHeight(offset: number, min = 240): number {
  const read = () => Math.max(min, window.innerHeight - offset);
  const [h, setH] = useState(read);
  useEffect(() => {
    const on = () => setH(Math.max(min, window.innerHeight - offset));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, [offset, min]);
  return h;
}
