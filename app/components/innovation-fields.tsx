import { IP_STATUS_VALUES, type IpStatusValue } from "../domain/ip-status";
import type { MessageKey } from "../i18n/messages.server";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";
import { Field, TextAreaField } from "./forms";
import { SelectField } from "./project-fields";

export type InnovationFieldValues = {
  nameTh: string;
  nameEn: string;
  description: string;
  deliveredOn: string;
  beneficiaries: string;
  ipStatus: string;
  ipNumber: string;
  ipFiledOn: string;
  ipGrantedOn: string;
};

/** Name, description, delivery, who benefits and the IP record of an innovation. */
export function InnovationFields({ values, fieldErrors }: { values: InnovationFieldValues; fieldErrors: Partial<Record<string, MessageKey>> }) {
  const { t } = useI18n(projectsMessages);
  const error = (field: string) => {
    const key = fieldErrors[field];
    return key ? t(key) : undefined;
  };
  return (
    <>
      <Field
        label={t("projects.field.innovationNameTh")}
        error={error("nameTh")}
        inputProps={{ id: "innovation-nameTh", name: "nameTh", type: "text", defaultValue: values.nameTh, required: true, maxLength: 400 }}
      />
      <Field
        label={t("projects.field.innovationNameEn")}
        error={error("nameEn")}
        inputProps={{ id: "innovation-nameEn", name: "nameEn", type: "text", defaultValue: values.nameEn, maxLength: 400, lang: "en" }}
      />
      <TextAreaField
        label={t("projects.field.description")}
        error={error("description")}
        textareaProps={{ id: "innovation-description", name: "description", defaultValue: values.description, rows: 5, required: true }}
      />
      <Field
        label={t("projects.field.deliveredOn")}
        error={error("deliveredOn")}
        inputProps={{ id: "innovation-deliveredOn", name: "deliveredOn", type: "date", defaultValue: values.deliveredOn, required: true }}
      />
      <TextAreaField
        label={t("projects.field.beneficiaries")}
        hint={t("projects.field.beneficiariesHint")}
        error={error("beneficiaries")}
        textareaProps={{ id: "innovation-beneficiaries", name: "beneficiaries", defaultValue: values.beneficiaries, rows: 2, required: true }}
      />
      <fieldset>
        <legend>{t("projects.field.ip")}</legend>
        <div className="stack-tight">
          <SelectField
            label={t("projects.field.ipStatus")}
            error={error("ipStatus")}
            selectProps={{ id: "innovation-ipStatus", name: "ipStatus", defaultValue: values.ipStatus || "none" }}
          >
            {IP_STATUS_VALUES.map((status) => (
              <option key={status} value={status}>
                {t(`projects.ip.${status}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("projects.field.ipNumber")}
            hint={t("projects.field.ipNumberHint")}
            error={error("ipNumber")}
            inputProps={{ id: "innovation-ipNumber", name: "ipNumber", type: "text", defaultValue: values.ipNumber, maxLength: 120 }}
          />
          <Field
            label={t("projects.field.ipFiledOn")}
            hint={t("projects.field.ipFiledOnHint")}
            error={error("ipFiledOn")}
            inputProps={{ id: "innovation-ipFiledOn", name: "ipFiledOn", type: "date", defaultValue: values.ipFiledOn }}
          />
          <Field
            label={t("projects.field.ipGrantedOn")}
            hint={t("projects.field.ipGrantedOnHint")}
            error={error("ipGrantedOn")}
            inputProps={{ id: "innovation-ipGrantedOn", name: "ipGrantedOn", type: "date", defaultValue: values.ipGrantedOn }}
          />
        </div>
      </fieldset>
    </>
  );
}

/** The IP status as a badge: protected statuses stand out. */
export function IpStatusBadge({ status }: { status: string }) {
  const { t } = useI18n(projectsMessages);
  const known: IpStatusValue = (IP_STATUS_VALUES as readonly string[]).includes(status) ? (status as IpStatusValue) : "none";
  return <span className={`ip-status ip-status--${known === "none" ? "none" : "protected"}`}>{t(`projects.ip.${known}`)}</span>;
}
