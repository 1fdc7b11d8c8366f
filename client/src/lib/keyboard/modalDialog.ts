// A Svelte attachment that makes a <dialog> element a proper modal: opened with showModal()
// (the page behind becomes inert), Escape closes it through the owner's state, Tab cycles
// inside it rather than escaping to the browser's toolbar, and when it goes away focus returns
// to wherever it was when the dialog opened (the button or the outline entry that opened it).
import type { Attachment } from 'svelte/attachments';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface ModalOptions {
  /** Escape was pressed: the owner removes the dialog (or keeps it, e.g. while saving). */
  onclose(): void;
  /** What gets focus first; by default the first focusable element (or the dialog). */
  initialFocus?: () => HTMLElement | null | undefined;
}

export function modalDialog(options: ModalOptions): Attachment<HTMLDialogElement> {
  return (dialog) => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;

    const onCancel = (event: Event): void => {
      // Keep the element open until the owner removes it, so state and DOM never disagree.
      event.preventDefault();
      options.onclose();
    };
    const onKeydown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        // Chromium sends no second cancel event after one was prevented: close here too.
        event.preventDefault();
        options.onclose();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };

    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKeydown);
    if (!dialog.open) dialog.showModal();
    const initial = options.initialFocus?.() ?? dialog.querySelector<HTMLElement>(FOCUSABLE) ?? dialog;
    initial.focus();

    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKeydown);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  };
}
