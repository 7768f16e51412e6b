import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TeacherAccount } from '#domain/api/admin-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { ConfirmDialog } from '#shared/components/confirm-dialog';
import { ModalDialog } from '#shared/components/modal-dialog';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { queryKeys } from '#shared/lib/query-keys';
import { setDisabled, transferWork } from '../api/admin-api';

const day = (iso: string) => iso.slice(0, 10);

function TransferDialog({
  from,
  teachers,
  onClose,
  onDone,
}: {
  readonly from: TeacherAccount;
  readonly teachers: readonly TeacherAccount[];
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}) {
  const selectId = useId();
  const others = teachers.filter((t) => t.id !== from.id);
  const [toId, setToId] = useState(others[0]?.id ?? '');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => transferWork(from.id, toId),
    onSuccess: (moved) => {
      const to = others.find((t) => t.id === toId);
      onDone(
        `Moved ${moved.lessons} lessons, ${moved.sessions} sessions and ${moved.classes} classes from ${from.name} to ${to?.name ?? 'the other teacher'}.`,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.teacherAccounts() }),
  });
  return (
    <ModalDialog
      isOpen
      title={`Transfer ${from.name}'s work`}
      message={`Their ${from.lessonCount} lessons and ${from.sessionCount} sessions, with their classes, go to the teacher you choose. ${from.name} keeps the account.`}
      onCancel={onClose}
    >
      {others.length === 0 ? (
        <p>There is no other teacher to give the work to.</p>
      ) : (
        <div className="form-field">
          <label htmlFor={selectId}>Give the work to</label>
          <select
            id={selectId}
            className="text-input"
            value={toId}
            onChange={(event) => {
              setToId(event.target.value);
            }}
          >
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.email})
              </option>
            ))}
          </select>
        </div>
      )}
      <ApiErrorAlert error={mutation.error} lead="Could not transfer: " />
      <div className="button-row">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={others.length === 0 || mutation.isPending}
          onClick={() => {
            mutation.mutate();
          }}
        >
          {mutation.isPending ? 'Transferring…' : 'Transfer the work'}
        </button>
      </div>
    </ModalDialog>
  );
}

/** Every teacher account, with Disable / Re-enable and Transfer… for each but one's own. */
export function TeachersTable({
  teachers,
  onNotice,
}: {
  readonly teachers: readonly TeacherAccount[];
  readonly onNotice: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [toDisable, setToDisable] = useState<TeacherAccount | null>(null);
  const [toTransfer, setToTransfer] = useState<TeacherAccount | null>(null);
  const standing = useMutation({
    mutationFn: ({ teacher, disable }: { teacher: TeacherAccount; disable: boolean }) =>
      setDisabled(teacher.id, disable),
    onSuccess: (_done, { teacher, disable }) => {
      onNotice(
        disable
          ? `${teacher.name} is disabled and signed out everywhere.`
          : `${teacher.name} may sign in again.`,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.teacherAccounts() }),
  });
  return (
    <section aria-labelledby="teacher-accounts">
      <h2 id="teacher-accounts">Teachers ({teachers.length})</h2>
      <TableScrollBox
        caption="Teacher accounts"
        isCaptionHidden
        columns={['Name', 'E-mail', 'Role', 'Status', 'Lessons', 'Sessions', 'Actions']}
      >
        <tbody>
          {teachers.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td className="teacher-bar-email">{t.email}</td>
              <td>{t.isAdmin ? 'Administrator' : 'Teacher'}</td>
              <td>
                {t.disabledAt
                  ? `Disabled ${day(t.disabledAt)}`
                  : `Active since ${day(t.createdAt)}`}
              </td>
              <td className="number">{t.lessonCount}</td>
              <td className="number">{t.sessionCount}</td>
              <td>
                {t.isYou ? (
                  'You'
                ) : (
                  <div className="button-row">
                    {t.disabledAt ? (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Re-enable: ${t.name}`}
                        disabled={standing.isPending}
                        onClick={() => {
                          standing.mutate({ teacher: t, disable: false });
                        }}
                      >
                        Re-enable
                      </button>
                    ) : t.isAdmin ? null : (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Disable: ${t.name}`}
                        disabled={standing.isPending}
                        onClick={() => {
                          setToDisable(t);
                        }}
                      >
                        Disable
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Transfer…: ${t.name}`}
                      onClick={() => {
                        setToTransfer(t);
                      }}
                    >
                      Transfer…
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </TableScrollBox>
      <ApiErrorAlert error={standing.error} lead="Could not change the account: " />
      <ConfirmDialog
        isOpen={toDisable !== null}
        title={`Disable ${toDisable?.name ?? ''}?`}
        message={`${toDisable?.name ?? ''} is signed out everywhere at once and cannot sign in until re-enabled. Their lessons and sessions stay.`}
        confirmLabel="Disable the account"
        onCancel={() => {
          setToDisable(null);
        }}
        onConfirm={() => {
          if (toDisable) standing.mutate({ teacher: toDisable, disable: true });
          setToDisable(null);
        }}
      />
      {toTransfer ? (
        <TransferDialog
          from={toTransfer}
          teachers={teachers}
          onClose={() => {
            setToTransfer(null);
          }}
          onDone={(message) => {
            setToTransfer(null);
            onNotice(message);
          }}
        />
      ) : null}
    </section>
  );
}
