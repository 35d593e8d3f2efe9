// Whether an element is on screen in a visible tab: the dialogue is marked read only then.
// Without IntersectionObserver (old browsers, jsdom) being in a visible tab is enough.
import { useEffect, useState, type RefObject } from 'react';

function tabVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

export function useVisible(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(typeof IntersectionObserver === 'undefined');
  const [tab, setTab] = useState(tabVisible);

  useEffect(() => {
    const onChange = () => setTab(tabVisible());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) setInView(entry.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  return inView && tab;
}
