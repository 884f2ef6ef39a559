import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import type { Board as BoardData } from "./board.server";
import type { Clock } from "./run.server";

type Note = BoardData["notes"][number];
type Phase = BoardData["phases"][number];
type Reply = { intent: string; ok: boolean; error: string | null; result: SubmissionResult<string[]> | null; form?: string; notice?: string; lessonId?: string | null };

function NoteForm() {
  const { t } = useTranslation();
  const fetcher = useFetcher<Reply>();
  const [key, setKey] = useState(0);
  const [form, fields] = useForm({ id: `note-${key}`, lastResult: fetcher.data?.intent === "note" ? fetcher.data.result : undefined, shouldValidate: "onSubmit" });
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.intent === "note" && fetcher.data.ok) setKey((k) => k + 1);
  }, [fetcher.state, fetcher.data]);
  return (
    <fetcher.Form method="post" {...getFormProps(form)} className="stack note-form" key={key}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="note" />
      <TextAreaField meta={fields.text} label={t("sessions.yourNote")} hint={t("sessions.yourNoteHint")} />
      <div>
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {t("sessions.addNote")}
        </button>
      </div>
    </fetcher.Form>
  );
}

function SmallButton({ fields, label, hidden, disabled, className = "button button--secondary button--small" }: { fields: Record<string, string>; label: string; hidden?: string; disabled?: boolean; className?: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Reply>();
  return (
    <fetcher.Form method="post" className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={disabled || fetcher.state !== "idle"}>
        {label}
        {hidden ? <span className="visually-hidden"> {hidden}</span> : null}
      </button>
      {fetcher.state === "idle" && fetcher.data?.error ? (
        <span className="field__error" role="alert">
          {t(fetcher.data.error)}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

function Votes({ type, id, votes, myVotes, votesLeft, maxPerTarget, label }: { type: "group" | "note"; id: string; votes: number; myVotes: number; votesLeft: number; maxPerTarget: number; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="votes">
      <span className="votes__count">{t("sessions.votes", { count: votes })}</span>
      {myVotes ? <span className="muted"> ({t("sessions.yourVotes", { count: myVotes })})</span> : null}
      <SmallButton fields={{ intent: "vote", targetType: type, targetId: id }} label={t("sessions.vote")} hidden={label} disabled={votesLeft <= 0 || myVotes >= maxPerTarget} />
      {myVotes ? <SmallButton fields={{ intent: "unvote", targetType: type, targetId: id }} label={t("sessions.unvote")} hidden={label} /> : null}
    </div>
  );
}

function Outcomes({ type, id, defaultText, participants }: { type: "group" | "note"; id: string; defaultText: string; participants: BoardData["participants"] }) {
  const { t } = useTranslation();
  const lesson = useFetcher<Reply>();
  const recommendation = useFetcher<Reply>();
  const action = useFetcher<Reply>();
  const resultFor = (fetcher: ReturnType<typeof useFetcher<Reply>>) => (fetcher.data?.result ? fetcher.data.result : undefined);
  const [lessonForm, lessonFields] = useForm({ id: `lesson-${id}`, lastResult: resultFor(lesson), defaultValue: { title: defaultText.slice(0, 200) } });
  const [recForm, recFields] = useForm<{ text: string; addressedTo: string }>({ id: `recommendation-${id}`, lastResult: resultFor(recommendation), defaultValue: { text: defaultText } });
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const [actionForm, actionFields] = useForm<{ title: string; ownerId: string; dueDate: string }>({ id: `action-${id}`, lastResult: resultFor(action), defaultValue: { title: defaultText.slice(0, 300), dueDate: due } });
  return (
    <details className="outcomes">
      <summary>
        {t("sessions.makeOutcome")}
        <span className="visually-hidden"> {defaultText.slice(0, 60)}</span>
      </summary>
      <div className="outcomes__forms">
        <FormErrors
          id={`outcome-refused-${id}`}
          errors={[lesson, recommendation, action].map((f) => (f.state === "idle" ? f.data?.error : null)).filter((e): e is string => Boolean(e))}
        />
        <lesson.Form method="post" {...getFormProps(lessonForm)} className="stack">
          <h4>{t("sessions.outcomeLesson")}</h4>
          <input type="hidden" name="intent" value="outcome-lesson" />
          <input type="hidden" name="targetType" value={type} />
          <input type="hidden" name="targetId" value={id} />
          <TextField meta={lessonFields.title} label={t("sessions.lessonTitle")} />
          <div>
            <button type="submit" className="button button--secondary">
              {t("sessions.draftLesson")}
            </button>
          </div>
        </lesson.Form>
        <recommendation.Form method="post" {...getFormProps(recForm)} className="stack">
          <h4>{t("sessions.outcomeRecommendation")}</h4>
          <input type="hidden" name="intent" value="outcome-recommendation" />
          <input type="hidden" name="targetType" value={type} />
          <input type="hidden" name="targetId" value={id} />
          <TextAreaField meta={recFields.text} label={t("sessions.recommendationText")} />
          <TextField meta={recFields.addressedTo} label={t("sessions.addressedTo")} hint={t("sessions.addressedToHint")} />
          <div>
            <button type="submit" className="button button--secondary">
              {t("sessions.addRecommendation")}
            </button>
          </div>
        </recommendation.Form>
        <action.Form method="post" {...getFormProps(actionForm)} className="stack">
          <h4>{t("sessions.outcomeAction")}</h4>
          <input type="hidden" name="intent" value="outcome-action" />
          <input type="hidden" name="targetType" value={type} />
          <input type="hidden" name="targetId" value={id} />
          <TextField meta={actionFields.title} label={t("sessions.actionTitle")} />
          <SelectField
            meta={actionFields.ownerId}
            label={t("sessions.actionOwner")}
            options={[{ value: "", label: t("sessions.chooseOwner") }, ...participants.map((p) => ({ value: p.id, label: p.name }))]}
          />
          <TextField meta={actionFields.dueDate} label={t("sessions.actionDue")} hint={t("sessions.dateHint")} />
          <div>
            <button type="submit" className="button button--secondary">
              {t("sessions.addAction")}
            </button>
          </div>
        </action.Form>
      </div>
    </details>
  );
}

function NoteCard({ note, board, grouping, votable, session }: { note: Note; board: BoardData; grouping: boolean; votable: boolean; session: { votesPerTarget: number } }) {
  const { t } = useTranslation();
  const move = useFetcher<Reply>();
  const label = note.text.slice(0, 60);
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData("text/x-note", note.id);
    event.dataTransfer.effectAllowed = "move";
  };
  return (
    <li className={note.hidden ? "note note--hidden" : note.mine ? "note note--mine" : "note"} draggable={grouping && !note.hidden} onDragStart={onDragStart} data-note-id={note.id}>
      <p className="note__text">{note.text}</p>
      <p className="note__meta muted">
        {note.hidden ? `${t("sessions.hiddenNote")} · ` : null}
        {note.carried ? `${t("sessions.carriedNote")} · ` : null}
        {note.discussed ? `${t("sessions.discussed")} · ` : null}
        {note.mine ? t("sessions.yourNoteMark") : (note.author ?? t(note.formerAuthor ? "threads.formerMember" : "sessions.anonymous"))}
      </p>
      {grouping && !note.hidden ? (
        <div className="note__group">
          <move.Form method="post" className="inline-add">
            <input type="hidden" name="intent" value="group-note" />
            <input type="hidden" name="noteId" value={note.id} />
            <div className="field">
              <label htmlFor={`group-of-${note.id}`}>{t("sessions.groupOf", { note: label })}</label>
              <select id={`group-of-${note.id}`} name="groupId" defaultValue={note.groupId ?? ""} key={note.groupId ?? ""}>
                <option value="">{t("sessions.noGroup")}</option>
                {board.groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary button--small">
              {t("sessions.moveNote")}
              <span className="visually-hidden"> {label}</span>
            </button>
          </move.Form>
          <SmallButton fields={{ intent: "group-note", noteId: note.id, groupId: "new", newGroup: "" }} label={t("sessions.newGroupFromNote")} hidden={label} className="button button--link" />
        </div>
      ) : null}
      {votable && !note.groupId && !note.hidden ? (
        <Votes type="note" id={note.id} votes={note.votes} myVotes={note.myVotes} votesLeft={board.votesLeft} maxPerTarget={session.votesPerTarget} label={label} />
      ) : null}
      {board.facilitator ? (
        <SmallButton fields={{ intent: note.hidden ? "unhide-note" : "hide-note", noteId: note.id }} label={note.hidden ? t("sessions.unhideNote") : t("sessions.hideNote")} hidden={label} className="button button--link" />
      ) : null}
      {board.facilitator && votable && !note.groupId && !note.hidden && !note.discussed ? <Outcomes type="note" id={note.id} defaultText={note.text} participants={board.participants} /> : null}
    </li>
  );
}

/** Notes, groups, votes and outcomes, as the current phase calls for. */
export function Board({
  board,
  clock,
  currentPhase,
  slug,
  session,
}: {
  board: BoardData;
  clock: Clock;
  currentPhase: Phase | null;
  slug: string;
  currentUserId: string;
  session: { id: string; votesPerTarget: number; votesPerPerson: number };
}) {
  const { t } = useTranslation();
  const drop = useFetcher<Reply>();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const running = clock.status === "running";
  const wholeGroup = currentPhase?.kind === "group" || clock.status === "ended";
  // Thinking alone is alone: until the whole group meets, participants see their own notes only.
  const visible = wholeGroup || board.facilitator ? board.notes : board.notes.filter((n) => n.mine && n.phaseId === currentPhase?.id);
  const phaseNotes = visible.filter((n) => wholeGroup || n.phaseId === currentPhase?.id);
  const ungrouped = phaseNotes.filter((n) => !n.groupId);
  const onDrop = (groupId: string) => (event: DragEvent) => {
    event.preventDefault();
    setDropTarget(null);
    const noteId = event.dataTransfer.getData("text/x-note");
    if (noteId) drop.submit({ intent: "group-note", noteId, groupId, newGroup: "" }, { method: "post" });
  };
  const dropZone = (groupId: string) => ({
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setDropTarget(groupId);
    },
    onDragLeave: () => setDropTarget(null),
    onDrop: onDrop(groupId),
  });

  return (
    <div className="board">
      {running && currentPhase ? <NoteForm /> : null}
      {wholeGroup && running ? <p className="muted">{t("sessions.votesLeft", { count: board.votesLeft, total: session.votesPerPerson })}</p> : null}

      {wholeGroup ? (
        <section aria-labelledby="groups-heading">
          <h2 id="groups-heading">{t("sessions.groups")}</h2>
          {board.groups.length === 0 ? <p className="muted">{t("sessions.noGroups")}</p> : null}
          <ul className="group-list">
            {board.groups.map((group) => {
              const notes = phaseNotes.filter((n) => n.groupId === group.id);
              return (
                <li key={group.id} className={dropTarget === group.id ? "note-group note-group--target" : "note-group"} {...dropZone(group.id)} aria-labelledby={`group-${group.id}-title`}>
                  <h3 id={`group-${group.id}-title`}>
                    {group.title} {group.discussed ? <span className="badge">{t("sessions.discussed")}</span> : null}
                  </h3>
                  <details>
                    <summary>
                      {t("sessions.renameGroup")}
                      <span className="visually-hidden"> {group.title}</span>
                    </summary>
                    <RenameGroup id={group.id} title={group.title} />
                  </details>
                  {running ? <Votes type="group" id={group.id} votes={group.votes} myVotes={group.myVotes} votesLeft={board.votesLeft} maxPerTarget={session.votesPerTarget} label={group.title} /> : <p>{t("sessions.votes", { count: group.votes })}</p>}
                  <ul className="note-list">
                    {notes.map((note) => (
                      <NoteCard key={note.id} note={note} board={board} grouping={running} votable={running} session={session} />
                    ))}
                  </ul>
                  {board.facilitator && !group.discussed ? <Outcomes type="group" id={group.id} defaultText={group.title} participants={board.participants} /> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="notes-heading" className={dropTarget === "" ? "ungrouped ungrouped--target" : "ungrouped"} {...(wholeGroup && running ? dropZone("") : {})}>
        <h2 id="notes-heading">{wholeGroup ? t("sessions.ungroupedNotes") : t("sessions.notesThisPhase")}</h2>
        {!wholeGroup && !board.facilitator ? <p className="muted">{t("sessions.ownNotesOnly")}</p> : null}
        {ungrouped.length === 0 ? <p className="muted">{t("sessions.noNotes")}</p> : null}
        <ul className="note-list">
          {ungrouped.map((note) => (
            <NoteCard key={note.id} note={note} board={board} grouping={wholeGroup && running} votable={wholeGroup && running} session={session} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="outcomes-heading" className="card">
        <h2 id="outcomes-heading">{t("sessions.outcomes")}</h2>
        {board.lessons.length + board.recommendations.length + board.actions.length === 0 ? <p className="muted">{t("sessions.noOutcomes")}</p> : null}
        {board.lessons.length ? (
          <>
            <h3>{t("sessions.draftLessons")}</h3>
            <ul>
              {board.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <Link to={`/o/${slug}/lessons/${lesson.id}`}>{lesson.title}</Link> <span className="muted">({t(`lessons.statuses.${lesson.status}`)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {board.recommendations.length ? (
          <>
            <h3>{t("sessions.recommendations")}</h3>
            <ul>
              {board.recommendations.map((r) => (
                <li key={r.id}>
                  {r.text}
                  {r.addressedTo ? <span className="muted"> → {r.addressedTo}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {board.actions.length ? <ActionList actions={board.actions} title={t("sessions.actions")} /> : null}
        {board.facilitator && running ? (
          <details>
            <summary>{t("sessions.freeAction")}</summary>
            <FreeAction participants={board.participants} />
          </details>
        ) : null}
      </section>

      {board.openActionsInSeries.length ? (
        <section aria-labelledby="open-actions-heading" className="card">
          <h2 id="open-actions-heading">{t("sessions.openActionsInSeries")}</h2>
          <ActionList actions={board.openActionsInSeries.map((a) => ({ ...a, done: false, ownerId: null }))} title={null} />
        </section>
      ) : null}
    </div>
  );
}

function RenameGroup({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Reply>();
  return (
    <fetcher.Form method="post" className="inline-add">
      <input type="hidden" name="intent" value="rename-group" />
      <input type="hidden" name="groupId" value={id} />
      <div className="field">
        <label htmlFor={`rename-${id}`}>{t("sessions.groupTitle")}</label>
        <input id={`rename-${id}`} name="title" defaultValue={title} required maxLength={120} />
      </div>
      <button type="submit" className="button button--secondary button--small">
        {t("sessions.saveGroupTitle")}
      </button>
    </fetcher.Form>
  );
}

function ActionList({ actions, title }: { actions: { id: string; title: string; dueDate: string | null; done: boolean; owner: string | null }[]; title: string | null }) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      {title ? <h3>{title}</h3> : null}
      <ul className="action-list">
        {actions.map((a) => (
          <li key={a.id}>
            <span className={a.done ? "action--done" : undefined}>{a.title}</span>{" "}
            <span className="muted">
              {a.owner ?? "–"}
              {a.dueDate ? ` · ${t("sessions.due", { date: a.dueDate })}` : ""}
            </span>{" "}
            {!a.done && a.dueDate && a.dueDate < today ? <span className="badge badge--warning">{t("sessions.overdue")}</span> : null}
            <SmallButton fields={{ intent: a.done ? "action-reopen" : "action-done", actionId: a.id }} label={a.done ? t("sessions.reopenAction") : t("sessions.markDone")} hidden={a.title} className="button button--link" />
          </li>
        ))}
      </ul>
    </>
  );
}

function FreeAction({ participants }: { participants: BoardData["participants"] }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Reply>();
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const [form, fields] = useForm<{ title: string; ownerId: string; dueDate: string }>({ id: "action-free", lastResult: fetcher.data?.result ?? undefined, defaultValue: { dueDate: due } });
  return (
    <fetcher.Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id="action-free-refused" errors={fetcher.data?.error ? [fetcher.data.error] : undefined} />
      <input type="hidden" name="intent" value="outcome-action" />
      <TextField meta={fields.title} label={t("sessions.actionTitle")} />
      <SelectField meta={fields.ownerId} label={t("sessions.actionOwner")} options={[{ value: "", label: t("sessions.chooseOwner") }, ...participants.map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField meta={fields.dueDate} label={t("sessions.actionDue")} hint={t("sessions.dateHint")} />
      <div>
        <button type="submit" className="button button--secondary">
          {t("sessions.addAction")}
        </button>
      </div>
    </fetcher.Form>
  );
}
