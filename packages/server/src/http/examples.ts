// The saved example operations GraphiQL opens with, one tab each: the queries analysts and
// integrators start from. Kept as data (a named list per language) so that another language's set
// is one more entry in EXAMPLE_SETS, and so that a test can parse, validate and run every one.

/** One saved example: a named operation and the sentence that says what it shows. */
export interface SavedExample {
  /** The operation's name, as written in `document` (GraphiQL's tab title). */
  name: string;
  /** One line for the reader, shown as a comment above the operation. */
  description: string;
  /** A GraphQL document holding exactly one operation, named `name`. */
  document: string;
}

/** A set of examples in one language. */
export interface ExampleSet {
  /** BCP 47 language tag of the descriptions. */
  language: string;
  /** The comment that opens the first tab. */
  welcome: string;
  examples: SavedExample[];
}

const examplesEn: SavedExample[] = [
  {
    name: "ProvinceTree",
    description: "A province, its communes and their Public Administration Service Centers.",
    document: /* GraphQL */ `query ProvinceTree {
  province(code: "15") {
    name
    fullName
    kind
    communes(first: 200) {
      totalCount
      nodes {
        code
        fullName
        type
        serviceCenter { name scope }
      }
    }
  }
}`,
  },
  {
    name: "DongNaiOverTime",
    description: "Đồng Nai before and after it became a centrally-run city.",
    document: /* GraphQL */ `query DongNaiOverTime {
  before: province(code: "75", asOf: "2025-07-01") { fullName kind communes(type: WARD) { totalCount } }
  after: province(code: "75", asOf: "2026-10-01") { fullName kind communes(type: WARD) { totalCount } }
}`,
  },
  {
    name: "RegistryChanges",
    description: "Every change to the registry since 2025-07-01, with its legal source.",
    document: /* GraphQL */ `query RegistryChanges {
  registryChanges {
    effectiveOn
    legalBasis
    url
    entity
    code
    from
    to
    newFullName
    province { name }
  }
}`,
  },
  {
    name: "Search",
    description: 'Search ignores diacritics and prefixes: "tinh lao cai" finds Lào Cai.',
    document: /* GraphQL */ `query Search {
  provinces(search: "tinh lao cai") { nodes { code fullName } }
  communes(search: "ba dinh", first: 5) { totalCount nodes { code fullName province { name } } }
}`,
  },
  {
    name: "CountsByType",
    description: "Count units per type in one province on a given day.",
    document: /* GraphQL */ `query CountsByType {
  wards: communes(provinceCode: "24", type: WARD, asOf: "2026-11-01") { totalCount }
  communes: communes(provinceCode: "24", type: COMMUNE, asOf: "2026-11-01") { totalCount }
}`,
  },
  {
    name: "ProvinceDepartments",
    description: "Lào Cai's People's Committee, its departments and equivalent bodies, and what each record rests on.",
    document: /* GraphQL */ `query ProvinceDepartments {
  province(code: "15") {
    name
    agencyCoverage { covered departments note }
    departments(first: 50) {
      totalCount
      nodes { code name nameEn kind parent { name } sources { publisher url } }
    }
  }
  agency(code: "15-ubnd") { name children { name kind } quote quoteSource { title url } }
}`,
  },
  {
    name: "CompareProvinces",
    description: "One indicator side by side for all 34 provinces: gaps in the sources show as value null.",
    document: /* GraphQL */ `query CompareProvinces {
  compare(indicator: "commune_level_units") {
    province { code name communes { totalCount } }
    value
    qualifier
    asOf
    figure { quote source { publisher url } consistency { registryValue agrees } }
  }
}`,
  },
  {
    name: "ProvinceFigures",
    description: "Every sourced figure about Lai Châu with the sentence it comes from; codes via Query.indicators.",
    document: /* GraphQL */ `query ProvinceFigures {
  indicators { code name unit figureCount }
  province(code: "12") {
    name
    onTime: figure(indicator: "on_time_rate") { value qualifier asOf }
    figures(first: 100) {
      totalCount
      nodes { indicator { code } value qualifier unit asOf status quote source { publisher url translations { language } } }
    }
  }
}`,
  },
  {
    name: "ConvertOldAddress",
    description: "Old address → new unit(s): prefixes, abbreviations and diacritics optional; each answer cites its link.",
    document: /* GraphQL */ `query ConvertOldAddress {
  convertAddress(input: { line: "12 Lê Lợi, P.1, Q.3, TP.HCM" }) {
    unambiguous
    parsed { street commune district province }
    candidates {
      score
      kind
      newAddress
      commune { code fullName province { name } }
      legacyCommune { code fullAddress }
      link { confidence note legalBasis sources }
    }
  }
  legacyCommune(code: "00007") { fullAddress links { kind confidence note to { fullName } } }
}`,
  },
  {
    name: "WhichCommuneIsThisPointIn",
    description: "Which unit is this GPS point in? (Hồ Hoàn Kiếm, Hà Nội.) Null at sea or abroad. communesAt takes up to 1,000 points.",
    document: /* GraphQL */ `query WhichCommuneIsThisPointIn {
  communeAt(latitude: 21.0288, longitude: 105.8525) {
    code fullName type areaKm2
    province { name }
    neighbours { code fullName }
  }
}`,
  },
  {
    name: "ProvinceCommunesWithAreas",
    description: "A province's communes with their areas and label points; boundary(detail: LOW|MEDIUM|FULL) gives GeoJSON.",
    document: /* GraphQL */ `query ProvinceCommunesWithAreas {
  province(code: "22") {
    fullName areaKm2 center { latitude longitude }
    communes(first: 200) { nodes { code fullName type areaKm2 center { latitude longitude } } }
  }
}`,
  },
];

/** The example sets by language; the first is the one GraphiQL opens with. */
export const EXAMPLE_SETS: ExampleSet[] = [
  {
    language: "en",
    welcome: [
      "# Welcome to vngov: Vietnam's two-level local government registry.",
      "# Each tab holds one saved example: run it with the ▶ button. Every registry field takes",
      "# asOf (default: today in Vietnam). The Docs button (book icon) lists every type and field.",
    ].join("\n"),
    examples: examplesEn,
  },
];

/** One GraphiQL tab per example of the set, the welcome text above the first. */
export function exampleTabs(set: ExampleSet = EXAMPLE_SETS[0]!): Array<{ query: string }> {
  return set.examples.map((example, index) => ({
    query: `${index === 0 ? `${set.welcome}\n\n` : ""}# ${example.description}\n${example.document}\n`,
  }));
}
