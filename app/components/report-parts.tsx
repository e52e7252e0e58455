import { useEffect, useState } from "react";
import { textParagraphs } from "../domain/report-forms";
import { reportsMessages } from "../i18n/catalogue/reports";
import { useI18n } from "../i18n/use-i18n";

/** Committee text as paragraphs (blank lines separate them); "not written yet" when empty. */
export function ReportParagraphs({ text }: { text: string }) {
  const { t } = useI18n(reportsMessages);
  const paragraphs = textParagraphs(text);
  if (paragraphs.length === 0) return <p className="muted">{t("reports.texts.empty")}</p>;
  return (
    <div className="report-text">
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

/** Where the three signatories sign by hand: name, position and date on dotted lines. */
export function ReportSignatures() {
  const { t } = useI18n(reportsMessages);
  const signers = [
    { key: "reporter", title: t("reports.sign.reporter"), orders: false },
    { key: "chair", title: t("reports.sign.chair"), orders: false },
    { key: "mayor", title: t("reports.sign.mayor"), orders: true },
  ];
  return (
    <section className="report-signatures" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading" className="visually-hidden">
        {t("reports.section.signatures")}
      </h2>
      {signers.map((signer) => (
        <div key={signer.key} className="report-signature">
          {signer.orders ? (
            <p className="report-signature__orders">
              {t("reports.sign.orders")} <span className="report-dots report-dots--wide" aria-hidden="true" />
              <span className="report-dots report-dots--wide" aria-hidden="true" />
            </p>
          ) : null}
          <p>
            {t("reports.sign.signature")} <span className="report-dots" aria-hidden="true" />
          </p>
          <p>
            ( <span className="report-dots" aria-hidden="true" /> )
          </p>
          <p className="report-signature__title">{signer.title}</p>
          <p>
            {t("reports.sign.date")} <span className="report-dots report-dots--short" aria-hidden="true" />
          </p>
        </div>
      ))}
    </section>
  );
}

/** A print button once JavaScript runs; without it the hint beside says how to print. */
export function PrintButton() {
  const { t } = useI18n(reportsMessages);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      {t("reports.print")}
    </button>
  );
}

/**
 * When the report's indicator figures are from: a closed year's snapshot; a finished period's
 * status judged at its end from the data recorded up to today; or today, for a running period.
 */
export function AsOf({ closed, state, asOfDate, todayDate }: { closed: boolean; state: "finished" | "running" | "future"; asOfDate: string; todayDate: string }) {
  const { t, date } = useI18n(reportsMessages);
  if (closed) return <p className="muted">{t("reports.quarterly.closedNote")}</p>;
  if (state === "finished") return <p className="muted">{t("reports.quarterly.judgedAt", { date: date(asOfDate), today: date(todayDate) })}</p>;
  return (
    <>
      <p className="muted">{t("reports.quarterly.asOf", { date: date(asOfDate) })}</p>
      {state === "future" ? <p className="muted">{t("reports.quarterly.futureNote")}</p> : null}
    </>
  );
}
