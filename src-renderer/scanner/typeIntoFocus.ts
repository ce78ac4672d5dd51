/**
 * Types text the keystroke capture held back (a `{` that turned out to be a person's) where the
 * person was typing. The value changes under React's feet and an `input` event follows, which is
 * exactly what React's onChange listens for, so the store sees an ordinary keystroke.
 */
export function typeIntoFocus(doc: Document, text: string): void {
  const target = doc.activeElement;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) || target.readOnly || target.disabled) return;
  // Inputs without a caret (number, email) cannot take text at a position: the key is lost there anyway.
  const start = target.selectionStart;
  const end = target.selectionEnd;
  if (start === null || end === null) return;
  target.setRangeText(text, start, end, 'end');
  target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
