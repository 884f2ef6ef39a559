import { useTranslation } from "react-i18next";

type Option = { value: string; label: string };
type Group = { label: string; options: Option[] };

/** One labelled filter of a list, "all" first; options may be grouped (tags by dimension). */
export function FilterSelect({
  name,
  label,
  value,
  options = [],
  groups = [],
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  options?: Option[];
  groups?: Group[];
}) {
  const { t } = useTranslation();
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{t("filters.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

type GoalOption = { id: string; label: string; depth: number };
type Dimension = { name: string; tags: { id: string; name: string }[] };

/** Goals as an indented list, showing each goal's own name. */
export const goalFilterOptions = (goals: GoalOption[]): Option[] =>
  goals.map((g) => ({ value: g.id, label: `${"\u00a0\u00a0".repeat(g.depth)}${g.label.split(" › ").at(-1)}` }));

export const tagFilterGroups = (dimensions: Dimension[]): Group[] =>
  dimensions.filter((d) => d.tags.length).map((d) => ({ label: d.name, options: d.tags.map((tag) => ({ value: tag.id, label: tag.name })) }));

export const recentYears = (count: number): Option[] => {
  const thisYear = new Date().getFullYear();
  return Array.from({ length: count }, (_, i) => ({ value: String(thisYear - i), label: String(thisYear - i) }));
};
