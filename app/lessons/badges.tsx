import { useTranslation } from "react-i18next";

export function EvidenceBadge({ evidence }: { evidence: string }) {
  const { t } = useTranslation();
  return <span className="badge badge--evidence">{t(`lessons.evidenceLevels.${evidence}`)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (status === "published") return null;
  return <span className="badge badge--draft">{t(`lessons.statuses.${status}`)}</span>;
}
