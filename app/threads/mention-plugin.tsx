import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuRenderFn,
  type TriggerFn,
  useBasicTypeaheadTriggerMatch,
} from "@lexical/react/LexicalTypeaheadMenuPlugin";
import { $createTextNode, $isTextNode, type TextNode } from "lexical";
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { $createMentionNode } from "./mention-node";

export type Mentionable = { id: string; name: string };

const MAX_SUGGESTIONS = 8;
const collator = new Intl.Collator("sv");
const fold = (text: string) => text.normalize("NFC").toLocaleLowerCase("sv");

/**
 * The members whose name contains the query, ignoring case (å, ä and ö
 * included): names that start with it first, then names with a word that
 * does, then the rest; alphabetical within each; at most eight.
 */
export function matchMembers(members: readonly Mentionable[], query: string): Mentionable[] {
  const q = fold(query.trim());
  if (!q) return [];
  const ranked: { member: Mentionable; rank: number }[] = [];
  for (const member of members) {
    const name = fold(member.name);
    const at = name.indexOf(q);
    if (at < 0) continue;
    const wordStart = name.split(/[\s\-–]+/).some((word) => word.startsWith(q));
    ranked.push({ member, rank: at === 0 ? 0 : wordStart ? 1 : 2 });
  }
  ranked.sort((a, b) => a.rank - b.rank || collator.compare(a.member.name, b.member.name));
  return ranked.slice(0, MAX_SUGGESTIONS).map((r) => r.member);
}

class MemberOption extends MenuOption {
  readonly member: Mentionable;
  constructor(member: Mentionable) {
    super(member.id);
    this.member = member;
  }
}

/** An element id made from the list's id and a member id, whatever characters the latter holds. */
const optionId = (listId: string, option: MemberOption) => `${listId}-${option.key.replace(/[^\w-]/g, "_")}`;

/**
 * Holds attributes of `element` at the given values (null: absent) while
 * mounted, whatever else writes them, and removes the ones it set when
 * unmounted. The typeahead plugin writes its own ARIA wiring, pointing at its
 * positioning box and at option ids of its default menu; this one wins.
 */
function useHeldAttributes(element: Element | null, wanted: Record<string, string | null>) {
  const wantedRef = useRef(wanted);
  const applyRef = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    if (!element) return;
    const apply = () => {
      for (const [name, value] of Object.entries(wantedRef.current)) {
        if (value === null) {
          if (element.hasAttribute(name)) element.removeAttribute(name);
        } else if (element.getAttribute(name) !== value) {
          element.setAttribute(name, value);
        }
      }
    };
    applyRef.current = apply;
    apply();
    // Our own writes are no-ops the second time round, so this cannot loop.
    const observer = new MutationObserver(apply);
    observer.observe(element, { attributes: true, attributeFilter: Object.keys(wantedRef.current) });
    return () => {
      observer.disconnect();
      applyRef.current = () => {};
      for (const [name, value] of Object.entries(wantedRef.current)) {
        if (value !== null && element.getAttribute(name) === value) element.removeAttribute(name);
      }
    };
  }, [element]);
  useLayoutEffect(() => {
    wantedRef.current = wanted;
    applyRef.current();
  });
}

function MentionMenu({
  listId,
  label,
  options,
  selectedIndex,
  selectOptionAndCleanUp,
  setHighlightedIndex,
}: {
  listId: string;
  label: string;
  options: MemberOption[];
  selectedIndex: number | null;
  selectOptionAndCleanUp: (option: MemberOption) => void;
  setHighlightedIndex: (index: number) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const active = selectedIndex === null ? undefined : options[selectedIndex];
  // The editable text keeps the focus; it names the open list and its highlighted option.
  useHeldAttributes(editor.getRootElement(), {
    "aria-controls": listId,
    "aria-activedescendant": active ? optionId(listId, active) : null,
  });
  return (
    <ul id={listId} role="listbox" aria-label={label} className="mention-menu">
      {options.map((option, index) => {
        const selected = index === selectedIndex;
        return (
          <li
            key={option.key}
            id={optionId(listId, option)}
            ref={option.setRefElement}
            role="option"
            aria-selected={selected}
            tabIndex={-1}
            className={selected ? "mention-menu__option mention-menu__option--selected" : "mention-menu__option"}
            onMouseEnter={() => setHighlightedIndex(index)}
            // Keep the focus (and the caret) in the editor.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setHighlightedIndex(index);
              selectOptionAndCleanUp(option);
            }}
          >
            {option.member.name}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * "@" followed by letters suggests organisation members to mention; choosing
 * one (Enter, Tab or a click; arrows move, Escape closes) replaces "@query"
 * with a mention node and a space. Place it inside a LexicalComposer whose
 * nodes include MentionNode (POST_NODES).
 */
export function MentionPlugin({ members, label }: { members: Mentionable[]; label: string }) {
  const listId = `mention-menu-${useId().replace(/[^\w-]/g, "")}`;
  const [query, setQuery] = useState<string | null>(null);
  // The plugin's positioning box goes in here rather than at the end of <body>.
  const [layer, setLayer] = useState<HTMLDivElement | null>(null);

  const basicTrigger = useBasicTypeaheadTriggerMatch("@", { minLength: 1 });
  // Open only when someone matches, so that the arrow keys and Enter keep
  // their ordinary meaning when nobody does.
  const triggerFn = useCallback<TriggerFn>(
    (text, editor) => {
      const match = basicTrigger(text, editor);
      return match && matchMembers(members, match.matchingString).length > 0 ? match : null;
    },
    [basicTrigger, members],
  );

  const options = useMemo(() => (query ? matchMembers(members, query).map((member) => new MemberOption(member)) : []), [members, query]);

  const onSelectOption = useCallback((option: MemberOption, queryNode: TextNode | null, closeMenu: () => void) => {
    if (queryNode) {
      const mention = $createMentionNode(option.member.id, option.member.name);
      queryNode.replace(mention);
      const next = mention.getNextSibling();
      if ($isTextNode(next) && next.isSimpleText() && /^\s/.test(next.getTextContent())) {
        next.select(1, 1);
      } else {
        const space = $createTextNode(" ").setFormat(queryNode.getFormat()).setStyle(queryNode.getStyle());
        mention.insertAfter(space);
        space.select(1, 1);
      }
    }
    closeMenu();
  }, []);

  const menuRenderFn = useCallback<MenuRenderFn<MemberOption>>(
    (anchorElementRef, { options: shown, selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
      anchorElementRef.current && shown.length > 0
        ? createPortal(
            <MentionMenu
              listId={listId}
              label={label}
              options={shown}
              selectedIndex={selectedIndex}
              selectOptionAndCleanUp={selectOptionAndCleanUp}
              setHighlightedIndex={setHighlightedIndex}
            />,
            anchorElementRef.current,
          )
        : null,
    [listId, label],
  );

  // The plugin makes its positioning box a listbox labelled "Typeahead menu",
  // empty while closed and wrapped around ours while open: it is only a box.
  useEffect(() => {
    if (!layer) return;
    const strip = () => {
      for (const box of Array.from(layer.children)) {
        if (box.hasAttribute("role")) box.removeAttribute("role");
        if (box.hasAttribute("aria-label")) box.removeAttribute("aria-label");
      }
    };
    strip();
    const observer = new MutationObserver(strip);
    observer.observe(layer, { childList: true, attributes: true, subtree: true, attributeFilter: ["role", "aria-label"] });
    return () => observer.disconnect();
  }, [layer]);

  return (
    <>
      <div ref={setLayer} className="mention-menu-layer" />
      <LexicalTypeaheadMenuPlugin<MemberOption>
        options={options}
        onQueryChange={setQuery}
        onSelectOption={onSelectOption}
        triggerFn={triggerFn}
        menuRenderFn={menuRenderFn}
        parent={layer ?? undefined}
      />
    </>
  );
}
