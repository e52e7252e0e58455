import { Form } from "@remix-run/react";
import { personDisplayName } from "../domain/person-name";
import type { MessageKey } from "../i18n/messages.server";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { useI18n } from "../i18n/use-i18n";
import { TextAreaField } from "./forms";

export type CommitteeNoteView = {
  id: number;
  parentNoteId: number | null;
  authorNameTh: string;
  authorNameEn: string | null;
  bodyHtml: string;
  createdAt: string;
};

type Thread = CommitteeNoteView & { replies: Thread[] };

/** Notes as a tree in the order written; a reply whose note is gone is shown at the top level. */
function threads(notes: readonly CommitteeNoteView[]): Thread[] {
  const nodes = new Map<number, Thread>(notes.map((note) => [note.id, { ...note, replies: [] }]));
  const roots: Thread[] = [];
  for (const note of notes) {
    const node = nodes.get(note.id)!;
    const parent = note.parentNoteId === null ? undefined : nodes.get(note.parentNoteId);
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

export type NoteFormState = { parentNoteId: string; body: string; error: MessageKey | null } | null;

/**
 * The committee's own discussion of an idea, threaded: a note, replies to it, replies to
 * those. Never shown to staff or authors (the loader that feeds it is committee-only).
 */
export function CommitteeNotes({ notes, formState }: { notes: CommitteeNoteView[]; formState: NoteFormState }) {
  const { t } = useI18n(pipelineMessages);
  const tree = threads(notes);
  const rootState = formState && formState.parentNoteId === "" ? formState : null;
  return (
    <section className="card" aria-labelledby="notes-heading" id="notes">
      <h2 id="notes-heading">{t("pipeline.notes.title")}</h2>
      <p className="muted">{t("pipeline.notes.hint")}</p>
      {tree.length === 0 ? <p>{t("pipeline.notes.empty")}</p> : <NoteList notes={tree} formState={formState} />}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="note" />
        <TextAreaField
          label={t("pipeline.notes.body")}
          error={rootState?.error ? t(rootState.error) : null}
          textareaProps={{ id: "note-body", name: "body", defaultValue: rootState?.body ?? "", maxLength: 5000, rows: 3 }}
        />
        <div>
          <button type="submit">{t("pipeline.notes.add")}</button>
        </div>
      </Form>
    </section>
  );
}

function NoteList({ notes, formState }: { notes: Thread[]; formState: NoteFormState }) {
  const { t, dateTime, locale } = useI18n(pipelineMessages);
  return (
    <ol className="note-list">
      {notes.map((note) => {
        const author = personDisplayName({ nameTh: note.authorNameTh, nameEn: note.authorNameEn }, locale);
        const replyState = formState && formState.parentNoteId === String(note.id) ? formState : null;
        return (
          <li key={note.id} className="note" id={`note-${note.id}`}>
            <p className="comment__meta">
              <strong>{author}</strong> <span>{dateTime(note.createdAt)}</span>
            </p>
            <div className="markdown" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
            <details className="note__reply" open={replyState !== null}>
              <summary>{t("pipeline.notes.reply")}</summary>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="note" />
                <input type="hidden" name="parentNoteId" value={note.id} />
                <TextAreaField
                  label={t("pipeline.notes.replyTo", { name: author })}
                  error={replyState?.error ? t(replyState.error) : null}
                  textareaProps={{ id: `reply-${note.id}`, name: "body", defaultValue: replyState?.body ?? "", maxLength: 5000, rows: 2 }}
                />
                <div>
                  <button type="submit" className="secondary">
                    {t("pipeline.notes.send")}
                  </button>
                </div>
              </Form>
            </details>
            {note.replies.length > 0 ? <NoteList notes={note.replies} formState={formState} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
