import { useState, type ReactNode } from 'react';
import './drop-zone.css';

/** An area a file can be dropped on (highlighted while dragged over); `onFile` gets the first file. */
export function DropZone({
  onFile,
  children,
}: {
  onFile: (file: File | undefined) => void;
  children: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        onFile(event.dataTransfer.files[0]);
      }}
    >
      {children}
    </div>
  );
}
