// Example operations GraphiQL opens with: the queries analysts and integrators start from.
export const GRAPHIQL_EXAMPLES = /* GraphQL */ `# Welcome to vngov: Vietnam's two-level local government registry.
# Pick an operation with the ▶ button. Every registry field takes asOf (default: today in Vietnam).

# A province, its communes and their Public Administration Service Centers.
query ProvinceTree {
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
}

# Đồng Nai before and after it became a centrally-run city.
query DongNaiOverTime {
  before: province(code: "75", asOf: "2025-07-01") { fullName kind communes(type: WARD) { totalCount } }
  after: province(code: "75", asOf: "2026-10-01") { fullName kind communes(type: WARD) { totalCount } }
}

# Every change to the registry since 2025-07-01, with its legal source.
query RegistryChanges {
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
}

# Search ignores diacritics and prefixes: "tinh lao cai" finds Lào Cai.
query Search {
  provinces(search: "tinh lao cai") { nodes { code fullName } }
  communes(search: "ba dinh", first: 5) { totalCount nodes { code fullName province { name } } }
}

# Count units per type in one province on a given day.
query CountsByType {
  wards: communes(provinceCode: "24", type: WARD, asOf: "2026-11-01") { totalCount }
  communes: communes(provinceCode: "24", type: COMMUNE, asOf: "2026-11-01") { totalCount }
}

# Lào Cai's People's Committee, its departments and equivalent bodies, and what each record rests on.
query ProvinceDepartments {
  province(code: "15") {
    name
    agencyCoverage { covered departments note }
    departments(first: 50) {
      totalCount
      nodes { code name nameEn kind parent { name } sources { publisher url } }
    }
  }
  agency(code: "15-ubnd") { name children { name kind } quote quoteSource { title url } }
}

# One indicator side by side for all 34 provinces: gaps in the sources show as value null.
query CompareProvinces {
  compare(indicator: "commune_level_units") {
    province { code name communes { totalCount } }
    value
    qualifier
    asOf
    figure { quote source { publisher url } consistency { registryValue agrees } }
  }
}

# Every sourced figure about Lai Châu with the sentence it comes from; codes via Query.indicators.
query ProvinceFigures {
  indicators { code name unit figureCount }
  province(code: "12") {
    name
    onTime: figure(indicator: "on_time_rate") { value qualifier asOf }
    figures(first: 100) {
      totalCount
      nodes { indicator { code } value qualifier unit asOf status quote source { publisher url translations { language } } }
    }
  }
# Old address → new unit(s): prefixes, abbreviations and diacritics optional; each answer cites its link.
query ConvertOldAddress {
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
# Which unit is this GPS point in? (Hồ Hoàn Kiếm, Hà Nội.) Null at sea or abroad. communesAt takes up to 1,000 points.
query WhichCommuneIsThisPointIn {
  communeAt(latitude: 21.0288, longitude: 105.8525) {
    code fullName type areaKm2
    province { name }
    neighbours { code fullName }
  }
}

# A province's communes with their areas and label points; boundary(detail: LOW|MEDIUM|FULL) gives GeoJSON.
query ProvinceCommunesWithAreas {
  province(code: "22") {
    fullName areaKm2 center { latitude longitude }
    communes(first: 200) { nodes { code fullName type areaKm2 center { latitude longitude } } }
  }
}
`;
