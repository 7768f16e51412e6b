import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { ConfirmButton } from '#shared/components/confirm-button';
import { useAnnounce } from '#shared/components/live-announcer';
import { queryKeys } from '#shared/lib/query-keys';
import { navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { deleteClass, renameClass } from '../api/teacher-forecasts-api';

/** A class's name, to rename, and its deletion (its sessions stay, each on its own). */
export function ClassHeader({
  classId,
  name,
}: {
  readonly classId: string;
  readonly name: string;
}) {
  const inputId = useId();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [draft, setDraft] = useState(name);
  const rename = useMutation({
    mutationFn: () => renameClass(classId, draft),
    onSuccess: (saved) => {
      announce(`Class renamed “${saved.name}”.`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherClasses() });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteClass(classId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherClasses() });
      navigate(routes.teach.build());
    },
  });
  return (
    <details className="class-settings">
      <summary>Rename or delete this class</summary>
      <form
        className="inline-fields"
        aria-label="Rename the class"
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate();
        }}
      >
        <div className="form-field">
          <label htmlFor={inputId}>Class name</label>
          <input
            id={inputId}
            className="text-input"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={rename.isPending}>
          Rename
        </button>
      </form>
      <ApiErrorAlert error={rename.error} />
      <ConfirmButton
        title="Delete this class?"
        message="Its sessions stay, with every forecast and score; each is shown on its own again."
        confirmLabel="Delete class"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          remove.mutate();
        }}
      >
        Delete class
      </ConfirmButton>
    </details>
  );
}
