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

/**
 * The same operations with Vietnamese comments, by operation name: one document per example in
 * both languages, so the two sets cannot drift apart (the test runs both).
 */
const descriptionsVi: Record<string, string> = {
  ProvinceTree: "Một tỉnh, các xã, phường, đặc khu trực thuộc và Trung tâm Phục vụ hành chính công của từng đơn vị.",
  DongNaiOverTime: "Đồng Nai trước và sau khi trở thành thành phố trực thuộc trung ương.",
  RegistryChanges: "Mọi thay đổi của danh mục từ ngày 01/7/2025, kèm căn cứ pháp lý.",
  Search: 'Tìm kiếm không phân biệt dấu và tiền tố: "tinh lao cai" tìm ra tỉnh Lào Cai.',
  CountsByType: "Đếm số xã, số phường của một tỉnh vào một ngày nhất định.",
  ProvinceDepartments: "Ủy ban nhân dân tỉnh Lào Cai, các sở và cơ quan tương đương, cùng nguồn của từng bản ghi.",
  CompareProvinces: "Một chỉ tiêu của cả 34 tỉnh, thành phố đặt cạnh nhau: nơi nguồn còn thiếu thì value là null.",
  ProvinceFigures: "Mọi số liệu có nguồn về tỉnh Lai Châu, kèm câu trích nguyên văn; mã chỉ tiêu xem qua Query.indicators.",
  ConvertOldAddress: "Địa chỉ cũ → đơn vị hành chính mới: không bắt buộc tiền tố, chữ viết tắt hay dấu; mỗi kết quả dẫn căn cứ sắp xếp.",
  WhichCommuneIsThisPointIn:
    "Điểm GPS này thuộc xã, phường nào? (Hồ Hoàn Kiếm, Hà Nội.) Trả về null nếu ở ngoài biển hoặc ngoài lãnh thổ. communesAt nhận tối đa 1.000 điểm.",
  ProvinceCommunesWithAreas: "Các xã, phường của một tỉnh với diện tích và điểm đặt nhãn; boundary(detail: LOW|MEDIUM|FULL) trả về GeoJSON.",
};

const examplesVi: SavedExample[] = examplesEn.map((example) => {
  const description = descriptionsVi[example.name];
  if (!description) throw new Error(`examples.ts: no Vietnamese description for ${example.name}`);
  return { ...example, description };
});

/** The example sets by language; the first is the one GraphiQL opens with by default. */
export const EXAMPLE_SETS: ExampleSet[] = [
  {
    language: "en",
    welcome: [
      "# Welcome to vngov: Vietnam's two-level local government registry.",
      "# Each tab holds one saved example: run it with the ▶ button. Every registry field takes",
      "# asOf (default: today in Vietnam). The Docs button (book icon) lists every type and field.",
      "# Tiếng Việt: thêm ?lang=vi vào cuối địa chỉ trang này.",
    ].join("\n"),
    examples: examplesEn,
  },
  {
    language: "vi",
    welcome: [
      "# vngov: danh mục đơn vị hành chính và chính quyền địa phương hai cấp của Việt Nam.",
      "# Mỗi thẻ là một truy vấn mẫu: bấm nút ▶ để chạy. Mọi trường của danh mục đều nhận",
      "# tham số asOf (mặc định: ngày hôm nay theo giờ Việt Nam). Nút Docs (biểu tượng quyển sách)",
      "# liệt kê mọi kiểu và trường; phần mô tả trong lược đồ viết bằng tiếng Anh, kèm thuật ngữ tiếng Việt.",
      "# English: add ?lang=en to this page's address.",
    ].join("\n"),
    examples: examplesVi,
  },
];

/** The example set in `language`, else the default one. */
export function exampleSet(language: string): ExampleSet {
  return EXAMPLE_SETS.find((set) => set.language === language) ?? EXAMPLE_SETS[0]!;
}

/** One GraphiQL tab per example of the set, the welcome text above the first. */
export function exampleTabs(set: ExampleSet = EXAMPLE_SETS[0]!): Array<{ query: string }> {
  return set.examples.map((example, index) => ({
    query: `${index === 0 ? `${set.welcome}\n\n` : ""}# ${example.description}\n${example.document}\n`,
  }));
}
