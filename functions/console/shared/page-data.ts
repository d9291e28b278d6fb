// Server data a page hands to its browser script (<Data> in layout.tsx, readData in client/lib/dom.ts):
// one interface, so both ends agree on each block's id and shape.

/** One numeric or boolean field of the yearly indicator form, derived from the report schemas. */
export interface IndicatorField {
  path: string;
  kind: 'int' | 'number' | 'bool';
  zh: string;
  en: string;
  min?: number;
  max?: number;
}

export interface IndicatorFields {
  general: IndicatorField[];
  specific: Record<string, IndicatorField[]>;
}

export interface PageData {
  'scenario-id': string;
  'platform-id': string;
  'indicator-fields': IndicatorFields;
}
