import type { Ref } from 'react';

/** The hidden `<input type="file">` behind an "add files" button: each choice goes to `onFiles`, and the same file can be chosen again. */
export function FileInput({
  ref,
  onFiles,
  testId,
}: {
  ref: Ref<HTMLInputElement>;
  onFiles: (files: FileList) => void;
  testId: string;
}) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      hidden
      data-testid={testId}
      onChange={(event) => {
        if (event.target.files) onFiles(event.target.files);
        event.target.value = '';
      }}
    />
  );
}
