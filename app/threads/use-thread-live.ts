import { useEffect, useRef, useState } from "react";
import { useLive } from "~/live/live-context";
import type { PostView } from "./threads.server";

type JoinReply =
  | { ok: true; serverTime: string; thread: { postCount: number; locked: boolean; categoryId: string }; added: PostView[]; changed: PostView[] }
  | { ok: false };

export type Typist = { id: string; name: string; at: number };

const TYPING_SHOWN_MS = 4000;

function merge(current: PostView[], incoming: PostView[]): PostView[] {
  if (!incoming.length) return current;
  const byId = new Map(current.map((p) => [p.id, p]));
  for (const post of incoming) byId.set(post.id, post);
  return [...byId.values()].sort((a, b) => a.number - b.number);
}

/**
 * A thread page kept current over the live channel: new posts, edits,
 * reactions, moderation and who is writing. On every (re)connect the page
 * asks for what it missed since the last post it knows, and merges by id,
 * so a dropped connection loses nothing and shows nothing twice.
 */
export function useThreadLive(args: {
  threadId: string;
  organisationId: string;
  currentUserId: string;
  posts: PostView[];
  postCount: number;
  loadedAt: string;
  locked: boolean;
  onLastPage: boolean;
}) {
  const { socket, status } = useLive();
  const [posts, setPosts] = useState(args.posts);
  const [locked, setLocked] = useState(args.locked);
  const [newer, setNewer] = useState(0);
  const [typists, setTypists] = useState<Typist[]>([]);
  const [caughtUp, setCaughtUp] = useState<number | null>(null);
  const lastNumber = useRef(args.postCount);
  const since = useRef(args.loadedAt);
  const wasDisconnected = useRef(false);

  // Fresh loader data (after an action or a reload) is the newest truth.
  useEffect(() => {
    setPosts(args.posts);
    setLocked(args.locked);
    setNewer(0);
    lastNumber.current = Math.max(lastNumber.current, args.postCount);
    since.current = args.loadedAt;
  }, [args.posts, args.postCount, args.loadedAt, args.locked]);

  useEffect(() => {
    if (status === "disconnected") wasDisconnected.current = true;
    if (!socket || status !== "connected") return;
    const { threadId } = args;

    // On the last page new posts appear in place; further back they are counted, with a link to them.
    const receive = (incoming: PostView[]) => {
      const fresh = incoming.filter((p) => p.number > lastNumber.current).length;
      lastNumber.current = Math.max(lastNumber.current, ...incoming.map((p) => p.number));
      if (args.onLastPage) setPosts((current) => merge(current, incoming));
      else {
        setPosts((current) => merge(current, incoming.filter((p) => current.some((c) => c.id === p.id))));
        if (fresh) setNewer((n) => n + fresh);
      }
      if (args.onLastPage && fresh && document.visibilityState === "visible") socket.emit("thread:read", { threadId, number: lastNumber.current });
      return fresh;
    };

    const onPost = (event: { threadId: string; post: PostView }) => {
      if (event.threadId !== threadId) return;
      receive([event.post]);
      setTypists((list) => list.filter((t) => t.id !== event.post.author?.id));
    };
    const onUpdate = (event: { threadId: string; post: PostView }) => {
      if (event.threadId !== threadId) return;
      setPosts((current) => (current.some((p) => p.id === event.post.id) ? merge(current, [event.post]) : current));
    };
    const onTyping = (event: { threadId: string; user: { id: string; name: string } }) => {
      if (event.threadId !== threadId || event.user.id === args.currentUserId) return;
      setTypists((list) => [...list.filter((t) => t.id !== event.user.id), { ...event.user, at: Date.now() }]);
    };
    const onState = (event: { threadId: string; locked?: boolean }) => {
      if (event.threadId === threadId && event.locked !== undefined) setLocked(event.locked);
    };

    socket.on("thread:post", onPost);
    socket.on("thread:post-updated", onUpdate);
    socket.on("thread:typing", onTyping);
    socket.on("thread:state", onState);
    const rejoining = wasDisconnected.current;
    socket.emit(
      "thread:join",
      { threadId, organisationId: args.organisationId, after: lastNumber.current, since: since.current },
      (reply: JoinReply) => {
        if (!reply.ok) return;
        since.current = reply.serverTime;
        setLocked(reply.thread.locked);
        const added = receive(reply.added);
        setPosts((current) => merge(current, reply.changed.filter((p) => current.some((c) => c.id === p.id))));
        if (rejoining) setCaughtUp(added);
        wasDisconnected.current = false;
      },
    );
    return () => {
      socket.off("thread:post", onPost);
      socket.off("thread:post-updated", onUpdate);
      socket.off("thread:typing", onTyping);
      socket.off("thread:state", onState);
      socket.emit("thread:leave", { threadId });
    };
  }, [socket, status, args.threadId, args.organisationId, args.currentUserId, args.onLastPage]);

  // "X is writing…" fades when they stop.
  useEffect(() => {
    if (!typists.length) return;
    const timer = setInterval(() => setTypists((list) => list.filter((t) => Date.now() - t.at < TYPING_SHOWN_MS)), 1000);
    return () => clearInterval(timer);
  }, [typists.length]);

  const lastTyped = useRef(0);
  const typing = () => {
    if (!socket || status !== "connected" || Date.now() - lastTyped.current < 2000) return;
    lastTyped.current = Date.now();
    socket.emit("thread:typing", { threadId: args.threadId });
  };

  return { posts, locked, newer, typists, typing, status, caughtUp };
}
