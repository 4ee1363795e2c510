import { useMutation } from "@apollo/client/react";
import { EVENT_CAPACITY_MAX, EVENT_DESCRIPTION_MAX, EVENT_PLACE_MAX, EVENT_TITLE_MAX } from "@pratica/rules";
import { type FormEvent, lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { apiProblems } from "../../app/errors";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { EventEditQuery, EventMode, EventRegistrationPolicy } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Field, SelectField } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { Loading } from "../../ui/Loading";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { fromZonedInput, toZonedInput, viewerTimeZone } from "./eventTime";

// The admin's point picker: a click on the map fills the two fields, which stay the keyboard's way in.
const PointPicker = lazy(() => import("../admin/PointPicker"));

const createEventMutation = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      id
    }
  }
`);
const updateEventMutation = graphql(`
  mutation UpdateEvent($input: UpdateEventInput!) {
    updateEvent(input: $input) {
      id
      version
    }
  }
`);

export type EditedEvent = NonNullable<EventEditQuery["event"]>;

const MODES: EventMode[] = ["IN_PERSON", "ONLINE", "HYBRID"];
const POLICIES: EventRegistrationPolicy[] = ["OPEN", "APPROVAL", "CLOSED"];
/** The zones offered first; any other IANA name may be typed (the list is a datalist). */
const ZONES = ["Europe/Rome", "Europe/London", "Europe/Brussels", "Europe/Lisbon", "UTC", "America/New_York"];

function coordinate(value: string): number | null {
  if (value.trim() === "") return null;
  const n = Number(value.replace(",", "."));
  return Number.isFinite(n) ? n : Number.NaN;
}

interface EventFormProps {
  communityId: string | null;
  event?: EditedEvent;
  onStale?: () => void;
}

/**
 * Creating or editing an event: both languages, how and where, when (the wall-clock time in the
 * event's zone), capacity and how people register. The api says no at the field it refuses;
 * a stale version (someone else saved first) is told, and the page reads the event again.
 */
export function EventForm({ communityId, event, onStale }: EventFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const formProblems = useFormProblems();
  const [create, creating] = useMutation(createEventMutation);
  const [update, updating] = useMutation(updateEventMutation);
  const [latitude, setLatitude] = useState(event?.latitude != null ? String(event.latitude) : "");
  const [longitude, setLongitude] = useState(event?.longitude != null ? String(event.longitude) : "");
  const [mode, setMode] = useState<EventMode>(event?.mode ?? "IN_PERSON");
  const zone = event?.timeZone ?? "Europe/Rome";
  const lat = coordinate(latitude);
  const lng = coordinate(longitude);
  const validPoint = lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    const timeZone = value("timeZone") || "Europe/Rome";
    const fields: Record<string, string> = {};
    const startsAt = fromZonedInput(value("startsAt"), timeZone);
    const endsAt = fromZonedInput(value("endsAt"), timeZone);
    if (!value("titleEn")) fields.titleEn = t("eventForm.required");
    if (!value("titleIt")) fields.titleIt = t("eventForm.required");
    if (!startsAt) fields.startsAt = t("eventForm.required");
    if (!endsAt) fields.endsAt = t("eventForm.required");
    else if (startsAt && endsAt <= startsAt) fields.endsAt = t("eventForm.endAfterStart");
    const capacityText = value("capacity");
    const capacity = capacityText === "" ? null : Number(capacityText);
    if (capacity !== null && !(Number.isInteger(capacity) && capacity >= 1 && capacity <= EVENT_CAPACITY_MAX))
      fields.capacity = t("eventForm.capacityRange", { max: EVENT_CAPACITY_MAX });
    if (lat !== null && !(Math.abs(lat) <= 90)) fields.latitude = t("eventForm.latitude");
    if (lng !== null && !(Math.abs(lng) <= 180)) fields.longitude = t("eventForm.longitude");
    if ((lat === null) !== (lng === null)) fields.longitude = t("eventForm.bothCoordinates");
    const onlineUrl = value("onlineUrl");
    if (mode !== "IN_PERSON" && onlineUrl && !/^https?:\/\//.test(onlineUrl)) fields.onlineUrl = t("eventForm.url");
    if (Object.keys(fields).length > 0) {
      refuse({ fields, general: null });
      return;
    }
    clearProblems();
    const input = {
      titleEn: value("titleEn"),
      titleIt: value("titleIt"),
      descriptionEn: value("descriptionEn") || null,
      descriptionIt: value("descriptionIt") || null,
      mode,
      placeName: mode === "ONLINE" ? null : value("placeName") || null,
      address: mode === "ONLINE" ? null : value("address") || null,
      latitude: mode === "ONLINE" ? null : lat,
      longitude: mode === "ONLINE" ? null : lng,
      onlineUrl: mode === "IN_PERSON" ? null : onlineUrl || null,
      startsAt: startsAt as string,
      endsAt: endsAt as string,
      timeZone,
      capacity,
      registration: value("registration") as EventRegistrationPolicy,
    };
    try {
      if (event) {
        await update({ variables: { input: { ...input, eventId: event.id, expectedVersion: event.version } } });
        await navigate(`/events/${event.id}`);
      } else {
        const result = await create({ variables: { input: { ...input, communityId } } });
        if (result.data) await navigate(`/events/${result.data.createEvent.id}`);
      }
    } catch (error) {
      if (apiProblems(error).some((p) => p.code === "CONFLICT" && !p.field)) {
        refuse({ fields: {}, general: t("eventForm.stale") });
        onStale?.();
        return;
      }
      refuse(formProblems(error));
    }
  }

  const f = problems.fields;
  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="event-form">
      {problems.general ? <Alert>{problems.general}</Alert> : null}
      <fieldset className="event-form__group">
        <legend>{t("eventForm.about")}</legend>
        <Field
          label={t("eventForm.titleIt")}
          name="titleIt"
          lang="it"
          required
          maxLength={EVENT_TITLE_MAX}
          defaultValue={event?.titleIt ?? ""}
          error={f.titleIt}
        />
        <Field
          label={t("eventForm.titleEn")}
          name="titleEn"
          lang="en"
          required
          maxLength={EVENT_TITLE_MAX}
          defaultValue={event?.titleEn ?? ""}
          error={f.titleEn}
        />
        <Field
          multiline
          rows={4}
          label={t("eventForm.descriptionIt")}
          name="descriptionIt"
          lang="it"
          maxLength={EVENT_DESCRIPTION_MAX}
          defaultValue={event?.descriptionIt ?? ""}
          error={f.descriptionIt}
        />
        <Field
          multiline
          rows={4}
          label={t("eventForm.descriptionEn")}
          name="descriptionEn"
          lang="en"
          maxLength={EVENT_DESCRIPTION_MAX}
          defaultValue={event?.descriptionEn ?? ""}
          error={f.descriptionEn}
        />
      </fieldset>
      <fieldset className="event-form__group">
        <legend>{t("eventForm.when")}</legend>
        <Field
          label={t("eventForm.timeZone")}
          name="timeZone"
          list="event-zones"
          defaultValue={zone}
          hint={t("eventForm.timeZoneHint", { zone: viewerTimeZone() })}
          error={f.timeZone}
        />
        <datalist id="event-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <Field
          type="datetime-local"
          label={t("eventForm.startsAt")}
          name="startsAt"
          required
          defaultValue={event ? toZonedInput(event.startsAt, zone) : ""}
          error={f.startsAt}
        />
        <Field
          type="datetime-local"
          label={t("eventForm.endsAt")}
          name="endsAt"
          required
          defaultValue={event ? toZonedInput(event.endsAt, zone) : ""}
          error={f.endsAt}
        />
      </fieldset>
      <fieldset className="event-form__group">
        <legend>{t("eventForm.where")}</legend>
        <SelectField
          label={t("eventForm.mode")}
          name="mode"
          value={mode}
          onChange={(e) => setMode(e.target.value as EventMode)}
        >
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`events.mode.${m}`)}
            </option>
          ))}
        </SelectField>
        {mode !== "ONLINE" ? (
          <>
            <Field
              label={t("eventForm.placeName")}
              name="placeName"
              maxLength={EVENT_PLACE_MAX}
              defaultValue={event?.placeName ?? ""}
              error={f.placeName}
            />
            <Field
              label={t("eventForm.address")}
              name="address"
              maxLength={EVENT_PLACE_MAX}
              defaultValue={event?.address ?? ""}
              error={f.address}
            />
            <div className="event-form__pair">
              <Field
                label={t("eventForm.latitudeLabel")}
                name="latitude"
                inputMode="decimal"
                value={latitude}
                onChange={(e) => setLatitude(e.target.value)}
                error={f.latitude}
              />
              <Field
                label={t("eventForm.longitudeLabel")}
                name="longitude"
                inputMode="decimal"
                value={longitude}
                onChange={(e) => setLongitude(e.target.value)}
                error={f.longitude}
              />
            </div>
            <Suspense fallback={<Loading />}>
              <PointPicker
                latitude={validPoint ? lat : null}
                longitude={validPoint ? lng : null}
                onPick={(la, lo) => {
                  setLatitude(String(la));
                  setLongitude(String(lo));
                }}
              />
            </Suspense>
          </>
        ) : null}
        {mode !== "IN_PERSON" ? (
          <Field
            type="url"
            label={t("eventForm.onlineUrl")}
            name="onlineUrl"
            placeholder="https://"
            hint={t("eventForm.onlineUrlHint")}
            defaultValue={event?.onlineUrl ?? ""}
            error={f.onlineUrl}
          />
        ) : null}
      </fieldset>
      <fieldset className="event-form__group">
        <legend>{t("eventForm.registration")}</legend>
        <Field
          type="number"
          min={1}
          max={EVENT_CAPACITY_MAX}
          label={t("eventForm.capacity")}
          name="capacity"
          hint={t("eventForm.capacityHint")}
          defaultValue={event?.capacity ?? ""}
          error={f.capacity}
        />
        <SelectField
          label={t("eventForm.policy")}
          name="registration"
          defaultValue={event?.registration ?? "OPEN"}
          error={f.registration}
        >
          {POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(`eventForm.policies.${p}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <FormActions
        submitLabel={event ? t("eventForm.save") : t("eventForm.create")}
        busy={creating.loading || updating.loading}
        onCancel={() => void navigate(event ? `/events/${event.id}` : "/events")}
      />
    </form>
  );
}
