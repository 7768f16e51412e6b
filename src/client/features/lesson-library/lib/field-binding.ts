/**
 * Binds the editor's form fields to the properties of one part of a draft (an item, a scenario,
 * the source) found at a lesson path. `field('question')` gives a field's `path` (where its
 * problems are found), its `value` and its `onChange`, which hands on a copy of the part with
 * that property changed. `subPath` names the place in the lesson file where it differs from
 * the draft's property name.
 */
export function bindFields<T extends object>(part: T, path: string, onChange: (part: T) => void) {
  return <K extends keyof T & string>(key: K, subPath: string = key) => ({
    path: `${path}.${subPath}`,
    value: part[key],
    onChange: (value: T[K]) => {
      onChange({ ...part, [key]: value });
    },
  });
}

/** What the fields of one kind of item are given: the item, its lesson path, and the change. */
export interface ItemFieldsProps<Item> {
  readonly item: Item;
  readonly path: string;
  readonly onChange: (item: Item) => void;
}
