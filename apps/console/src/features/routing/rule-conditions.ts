import type { RoutingActions, RoutingCondition, RoutingConditionField } from '@switchboard/domain';

/** What a condition looks at, in the order the "Add condition" menu offers them. */
export const CONDITION_FIELD_LABELS: Record<RoutingConditionField, string> = {
  channel: 'Channel',
  audience: 'Audience',
  city: 'City',
  language: 'Language',
  contact: 'Contact',
  text: 'Text',
  booking: 'Booking',
  business_hours: 'Business hours',
};

export const CONDITION_FIELDS = Object.keys(CONDITION_FIELD_LABELS) as RoutingConditionField[];

/**
 * A new condition on a field, starting from the choice a lead most often makes. List values
 * start empty so the schema asks for at least one rather than guessing.
 */
export function newCondition(field: RoutingConditionField): RoutingCondition {
  switch (field) {
    case 'channel':
      return { field, op: 'in', values: [] };
    case 'audience':
      return { field, op: 'is', value: 'guest' };
    case 'city':
      return { field, op: 'in', values: [] };
    case 'language':
      return { field, op: 'in', values: [] };
    case 'contact':
      return { field, attribute: 'vip', value: true };
    case 'text':
      return { field, op: 'contains_any', values: [] };
    case 'booking':
      return { field, op: 'has_booking', value: true };
    case 'business_hours':
      return { field, value: 'outside' };
  }
}

type OptionalAction = Exclude<keyof RoutingActions, 'onMatch'>;

/** The actions with one optional effect set, or removed when `value` is empty. */
export function withAction<Key extends OptionalAction>(
  actions: RoutingActions,
  key: Key,
  value: RoutingActions[Key] | null | '',
): RoutingActions {
  const { [key]: _removed, ...rest } = actions;
  const empty =
    value === null ||
    value === '' ||
    value === undefined ||
    (Array.isArray(value) && value.length === 0);
  return (empty ? rest : { ...rest, [key]: value }) as RoutingActions;
}
