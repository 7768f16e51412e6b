import { useRef, useState } from 'react';
import { selectedWords } from '../lib/sentences';

/**
 * A button that takes the words selected in the article (with the mouse, or the keyboard with
 * caret browsing). The selection is read as the button is pressed, before focus moves.
 */
export function UseSelectionButton({
  label,
  onWords,
}: {
  /** e.g. "Use the selected words as quote 1". */
  readonly label: string;
  readonly onWords: (words: string) => void;
}) {
  const held = useRef('');
  const [message, setMessage] = useState('');
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onPointerDown={() => {
          held.current = selectedWords(window.getSelection());
        }}
        onClick={() => {
          const words = held.current || selectedWords(window.getSelection());
          held.current = '';
          if (words === '') {
            setMessage('Select words in the article text first.');
            return;
          }
          setMessage('');
          onWords(words);
        }}
      >
        {label}
      </button>
      {message ? (
        <span className="hint" role="status">
          {message}
        </span>
      ) : null}
    </>
  );
}
