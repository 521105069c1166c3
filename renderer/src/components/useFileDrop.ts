import { useEffect } from 'react';
import { useStoreApi } from '../store/react';

/**
 * Files dropped anywhere on the window are imported into the New article dialog. (Links
 * dropped on a claim's source form are handled there; the browser never navigates to a
 * dropped file.)
 */
export function useFileDrop(): void {
  const store = useStoreApi();
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file || event.defaultPrevented) return;
      event.preventDefault();
      const state = store.getState();
      state.setNewArticleOpen(true);
      void state.importFromFile(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [store]);
}
