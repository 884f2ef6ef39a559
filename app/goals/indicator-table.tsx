import { useTranslation } from "react-i18next";
import { formatNumber } from "~/i18n/i18n";

type Indicator = {
  id: string;
  name: string;
  unit: string;
  baselineValue: number | null;
  baselineYear: number | null;
  targetValue: number | null;
  targetYear: number | null;
  source: string;
  values: { id: string; year: number; value: number; note: string }[];
};

const withYear = (value: number | null, year: number | null, unit: string) =>
  value === null ? "–" : `${formatNumber(value)} ${unit}`.trim() + (year ? ` (${year})` : "");

/** Baseline, target and the measured series of each indicator, as tables. */
export function IndicatorTables({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation();
  return (
    <>
      {indicators.map((indicator) => {
        const latest = indicator.values.at(-1);
        return (
          <div key={indicator.id} className="indicator">
            <h3>{indicator.name}</h3>
            <dl className="facts">
              <div>
                <dt>{t("goals.baseline")}</dt>
                <dd>{withYear(indicator.baselineValue, indicator.baselineYear, indicator.unit)}</dd>
              </div>
              <div>
                <dt>{t("goals.target")}</dt>
                <dd>{withYear(indicator.targetValue, indicator.targetYear, indicator.unit)}</dd>
              </div>
              <div>
                <dt>{t("goals.latest")}</dt>
                <dd>{latest ? withYear(latest.value, latest.year, indicator.unit) : "–"}</dd>
              </div>
              {indicator.source ? (
                <div>
                  <dt>{t("goals.source")}</dt>
                  <dd>{indicator.source}</dd>
                </div>
              ) : null}
            </dl>
            {indicator.values.length ? (
              <table>
                <caption>{t("goals.valuesOf", { name: indicator.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("goals.year")}</th>
                    <th scope="col" className="numeric">
                      {t("goals.value")}
                      {indicator.unit ? ` (${indicator.unit})` : ""}
                    </th>
                    <th scope="col">{t("goals.note")}</th>
                  </tr>
                </thead>
                <tbody>
                  {indicator.values.map((v) => (
                    <tr key={v.id}>
                      <th scope="row">{v.year}</th>
                      <td className="numeric">{formatNumber(v.value)}</td>
                      <td>{v.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
