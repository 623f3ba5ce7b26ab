// The one catalogue of user-facing messages, in English and Vietnamese: every error text a client can
// read (GraphQL errors from schema/ and http/, the export and download routes, authentication).
//
// How to add a message (also on a branch that adds errors of its own):
//   1. add an entry here: `myKey: entry<{ count: number }>((p) => `English ${p.count}.`, (p) => `Tiếng Việt ${p.count}.`)`;
//   2. throw it with `badUserInput("myKey", { count }, "argument")` or `codedError(ErrorCode.X, "myKey", { count })`
//      from errors.ts (params are type-checked against the entry);
//   3. nothing else: http/operations.ts renders every catalogued error in the request's language
//      (Accept-Language, http/language.ts), English by default. `extensions.code` never changes.
// A test (test/messages.test.ts) checks that every entry has two non-empty, different texts, and
// that no `new GraphQLError("…")` with literal text is written outside errors.ts.
//
// Not catalogued, and English only: graphql-js' own parse and validation messages (unknown field,
// syntax error, variable of the wrong type) and yoga's request-level messages; their codes are the
// documented ones all the same.
//
// The Vietnamese follows the wording of the legal texts: "tỉnh, thành phố", "đơn vị hành chính cấp
// xã", "xã, phường, đặc khu"; argument and field names stay as the schema spells them.

/** The languages messages are written in; the first is the default. */
export const LANGUAGES = ["en", "vi"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** One message: a text per language, from the same typed parameters. */
export interface Entry<P> {
  en: (params: P) => string;
  vi: (params: P) => string;
}

/** The parameters of a message that takes none. */
export type NoParams = Record<string, never>;

const entry = <P = NoParams>(en: (params: P) => string, vi: (params: P) => string): Entry<P> => ({ en, vi });

/** Numbers as each language writes them: 1,000,000 in English, 1.000.000 in Vietnamese. */
const number = (value: number, language: Language) => value.toLocaleString(language === "vi" ? "vi-VN" : "en-US");

/** Where a bad string was found: a variable (`$input.line`) or a literal at a line of the document. */
export type StringPlace = { variable: string } | { line: number | string };
const placeEn = (place: StringPlace) => ("variable" in place ? place.variable : `the string literal at line ${place.line}`);
const placeVi = (place: StringPlace) => ("variable" in place ? place.variable : `Chuỗi ký tự ở dòng ${place.line}`);
const scopesEn = (scopes: readonly string[]) => scopes.join(", ") || "none";
const scopesVi = (scopes: readonly string[]) => scopes.join(", ") || "không có quyền nào";
const onWhere = (where: string | undefined, word: string) => (where ? ` ${word} ${where}` : "");

export const MESSAGES = {
  // ── Codes and identifiers ─────────────────────────────────────────────────────────────────────
  notAProvinceCode: entry<{ argument: string; code: string }>(
    (p) => `${p.argument} "${p.code}" is not a province code: province codes are 2 digits, e.g. "01" or "79".`,
    (p) => `${p.argument} "${p.code}" không phải là mã tỉnh, thành phố: mã tỉnh gồm 2 chữ số, ví dụ "01" hoặc "79".`,
  ),
  notACommuneCode: entry<{ argument: string; code: string }>(
    (p) => `${p.argument} "${p.code}" is not a commune-level unit code: these are 5 digits, e.g. "00004".`,
    (p) => `${p.argument} "${p.code}" không phải là mã đơn vị hành chính cấp xã: mã này gồm 5 chữ số, ví dụ "00004".`,
  ),
  notADistrictCode: entry<{ code: string }>(
    (p) => `code "${p.code}" is not a district code: old district codes are 3 digits, e.g. "760".`,
    (p) => `code "${p.code}" không phải là mã huyện: mã đơn vị hành chính cấp huyện trước đây gồm 3 chữ số, ví dụ "760".`,
  ),
  agencyCodeOrId: entry<NoParams>(
    () => 'Give exactly one of code and id, e.g. agency(code: "15-so-noi-vu").',
    () => 'Cần đúng một trong hai tham số code hoặc id, ví dụ agency(code: "15-so-noi-vu").',
  ),
  notAnAgencyId: entry<{ id: string }>(
    (p) => `id "${p.id}" is not the id of an Agency.`,
    (p) => `id "${p.id}" không phải là id của một cơ quan (Agency).`,
  ),
  unknownIndicator: entry<{ code: string }>(
    (p) => `indicator "${p.code}" is unknown. Indicator codes are snake_case, e.g. "commune_level_units"; list them with \`{ indicators { code name unit } }\`.`,
    (p) => `Không có chỉ tiêu indicator "${p.code}". Mã chỉ tiêu viết theo kiểu snake_case, ví dụ "commune_level_units"; xem danh sách bằng \`{ indicators { code name unit } }\`.`,
  ),
  provinceCodesTwice: entry<NoParams>(
    () => "provinceCodes lists a province twice.",
    () => "provinceCodes nêu một tỉnh, thành phố hai lần.",
  ),
  provinceCodesMissing: entry<{ codes: readonly string[]; day: string }>(
    (p) => `provinceCodes ${p.codes.join(", ")} name no province on ${p.day}.`,
    (p) => `provinceCodes ${p.codes.join(", ")} không ứng với tỉnh, thành phố nào vào ngày ${p.day}.`,
  ),

  // ── Dates ─────────────────────────────────────────────────────────────────────────────────────
  asOfBeforeRegistry: entry<{ day: string; start: string }>(
    (p) =>
      `asOf ${p.day} is before ${p.start}, when the two-level registry took effect. ` +
      "The units that existed before it are answered by the lineage queries " +
      "(legacyProvince, legacyCommune, legacyCommunes, convertAddress).",
    (p) =>
      `asOf ${p.day} là trước ngày ${p.start}, ngày chính quyền địa phương hai cấp bắt đầu hoạt động. ` +
      "Các đơn vị hành chính tồn tại trước ngày đó được tra cứu bằng các truy vấn về đơn vị cũ và lịch sử sắp xếp " +
      "(legacyProvince, legacyCommune, legacyCommunes, convertAddress).",
  ),
  fromAfterTo: entry<{ from?: string; to?: string }>(
    (p) => (p.from && p.to ? `from ${p.from} is after to ${p.to}: give a from on or before to.` : "from is after to: give a from on or before to."),
    (p) => (p.from && p.to ? `from ${p.from} sau to ${p.to}: from phải trùng hoặc trước to.` : "from sau to: from phải trùng hoặc trước to."),
  ),
  toBeforeRegistry: entry<{ to: string; start: string }>(
    (p) => `to ${p.to} is before ${p.start}: the registry has no changes before it started.`,
    (p) => `to ${p.to} là trước ngày ${p.start}: danh mục không có thay đổi nào trước ngày bắt đầu.`,
  ),
  notADate: entry<{ name: string; value: string }>(
    (p) => `${p.name} "${p.value}" is not a date: write it YYYY-MM-DD, e.g. 2025-07-01.`,
    (p) => `${p.name} "${p.value}" không phải là ngày: viết theo dạng YYYY-MM-DD, ví dụ 2025-07-01.`,
  ),

  // ── Text arguments ────────────────────────────────────────────────────────────────────────────
  textTooLong: entry<{ argument: string; length: number; max: number }>(
    (p) => `${p.argument} is ${p.length} characters long; at most ${p.max} are allowed.`,
    (p) => `${p.argument} dài ${p.length} ký tự; chỉ được tối đa ${p.max} ký tự.`,
  ),
  searchNeedsLetters: entry<NoParams>(
    () => "search must contain letters or digits.",
    () => "search phải có chữ cái hoặc chữ số.",
  ),
  addressHasNoPart: entry<{ argument: string }>(
    (p) => `${p.argument} has no part: give at least one of commune, district, province or line.`,
    (p) => `${p.argument} không có phần nào: cần ít nhất một trong các phần commune, district, province hoặc line.`,
  ),
  tooManyAddresses: entry<{ count: number; max: number }>(
    (p) => `inputs holds ${p.count} addresses; at most ${p.max} are allowed per request. Split the list into several requests.`,
    (p) => `inputs có ${p.count} địa chỉ; mỗi yêu cầu chỉ được tối đa ${p.max}. Hãy chia danh sách thành nhiều yêu cầu.`,
  ),
  stringTooLong: entry<{ place: StringPlace; length: number; max: number }>(
    (p) => `${placeEn(p.place)} is ${p.length} characters long, more than the ${p.max} any argument may have.`,
    (p) => `${placeVi(p.place)} dài ${p.length} ký tự, vượt quá ${p.max} ký tự mà mọi tham số được phép có.`,
  ),
  stringHasNul: entry<{ place: StringPlace }>(
    (p) => `${placeEn(p.place)} contains a NUL character (U+0000), which no field accepts.`,
    (p) => `${placeVi(p.place)} chứa ký tự NUL (U+0000), không trường nào nhận ký tự này.`,
  ),
  stringHasLoneSurrogate: entry<{ place: StringPlace }>(
    (p) => `${placeEn(p.place)} contains an unpaired UTF-16 surrogate (not valid Unicode text).`,
    (p) => `${placeVi(p.place)} chứa một nửa cặp thay thế UTF-16 (surrogate) đứng lẻ, không phải văn bản Unicode hợp lệ.`,
  ),

  // ── Coordinates ───────────────────────────────────────────────────────────────────────────────
  latitudeOutOfRange: entry<{ argument: string; value: number }>(
    (p) => `${p.argument}.latitude must be a number from -90 to 90 (decimal degrees), got ${p.value}.`,
    (p) => `${p.argument}.latitude phải là số từ -90 đến 90 (độ thập phân), nhận được ${p.value}.`,
  ),
  longitudeOutOfRange: entry<{ argument: string; value: number }>(
    (p) => `${p.argument}.longitude must be a number from -180 to 180 (decimal degrees), got ${p.value}.`,
    (p) => `${p.argument}.longitude phải là số từ -180 đến 180 (độ thập phân), nhận được ${p.value}.`,
  ),
  tooManyPoints: entry<{ count: number; max: number }>(
    (p) => `points has ${p.count} entries; at most ${p.max} per call. Split the list.`,
    (p) => `points có ${p.count} điểm; mỗi lần gọi chỉ được tối đa ${p.max}. Hãy chia nhỏ danh sách.`,
  ),

  // ── Pagination ────────────────────────────────────────────────────────────────────────────────
  pageSizeNegative: entry<{ name: string; value: number; where?: string }>(
    (p) => `${p.name}${onWhere(p.where, "on")} must be 0 or more, got ${p.value}.`,
    (p) => `${p.name}${onWhere(p.where, "của")} phải từ 0 trở lên, nhận được ${p.value}.`,
  ),
  pageSizeTooLarge: entry<{ name: string; value: number; max: number; where?: string }>(
    (p) =>
      `${p.name}${onWhere(p.where, "on")} is ${p.value}, more than the maximum page size of ${p.max}. Ask for at most ${p.max} and follow pageInfo.endCursor with \`after\`.`,
    (p) =>
      `${p.name}${onWhere(p.where, "của")} là ${p.value}, lớn hơn cỡ trang tối đa ${p.max}. Hãy lấy tối đa ${p.max} mỗi trang và dùng pageInfo.endCursor làm \`after\` để lấy trang tiếp theo.`,
  ),
  notACursor: entry<{ name: string; cursor: string }>(
    (p) => `${p.name} "${p.cursor}" is not a cursor of this list: pass a pageInfo.endCursor or edge cursor it returned.`,
    (p) => `${p.name} "${p.cursor}" không phải là con trỏ (cursor) của danh sách này: hãy dùng pageInfo.endCursor hoặc cursor của một cạnh (edge) mà danh sách đã trả về.`,
  ),
  afterAndBefore: entry<NoParams>(
    () => 'Give "after" or "before", not both.',
    () => 'Chỉ dùng "after" hoặc "before", không dùng cả hai.',
  ),
  beforeWithFirst: entry<NoParams>(
    () => '"before" pages backward: use it with "last", not "first".',
    () => '"before" lật trang lùi: dùng cùng "last", không dùng cùng "first".',
  ),
  afterWithLast: entry<NoParams>(
    () => '"after" pages forward: use it with "first", not "last".',
    () => '"after" lật trang tiến: dùng cùng "first", không dùng cùng "last".',
  ),

  // ── Exports (GET /export/…) and downloads (GET /geo/…) ──────────────────────────────────────────
  notOneOf: entry<{ name: string; value: string; values: readonly string[] }>(
    (p) => `${p.name} "${p.value}" is not one of ${p.values.join(", ")}.`,
    (p) => `${p.name} "${p.value}" không thuộc các giá trị ${p.values.join(", ")}.`,
  ),
  exportsUseGet: entry<NoParams>(
    () => "Exports are read with GET.",
    () => "Bảng xuất dữ liệu được đọc bằng GET.",
  ),
  noSuchExport: entry<{ path: string; exports: readonly string[] }>(
    (p) => `No such export: ${p.path}. There are ${p.exports.join(", ")} (docs/analysts.md).`,
    (p) => `Không có bảng xuất dữ liệu ${p.path}. Các bảng hiện có: ${p.exports.join(", ")} (docs/analysts.vi.md).`,
  ),
  exportParameters: entry<{ path: string; known: readonly string[]; unknown: readonly string[] }>(
    (p) => `${p.path} takes ${p.known.join(", ")}; not ${p.unknown.join(", ")}.`,
    (p) => `${p.path} nhận các tham số ${p.known.join(", ")}; không nhận ${p.unknown.join(", ")}.`,
  ),
  bomIsBoolean: entry<{ value: string }>(
    (p) => `bom must be true or false, not "${p.value}".`,
    (p) => `bom phải là true hoặc false, không phải "${p.value}".`,
  ),
  noSuchDownload: entry<{ path: string }>(
    (p) => `No such download: ${p.path}. See docs/geo.md.`,
    (p) => `Không có tệp tải về ${p.path}. Xem docs/geo.vi.md.`,
  ),
  downloadDetail: entry<NoParams>(
    () => "detail must be LOW or MEDIUM (FULL is served per unit through GraphQL: boundary(detail: FULL)).",
    () => "detail phải là LOW hoặc MEDIUM (mức FULL chỉ được cung cấp cho từng đơn vị qua GraphQL: boundary(detail: FULL)).",
  ),
  noProvinceOnDay: entry<{ code: string; day: string }>(
    (p) => `No province with code ${p.code} on ${p.day}.`,
    (p) => `Không có tỉnh, thành phố mang mã ${p.code} vào ngày ${p.day}.`,
  ),
  noSuchGraphiqlAsset: entry<{ path: string }>(
    (p) => `No such GraphiQL asset: ${p.path}`,
    (p) => `Không có tệp GraphiQL ${p.path}`,
  ),

  // ── Limits and budgets ────────────────────────────────────────────────────────────────────────
  tooCostly: entry<{ cost: number; max: number }>(
    (p) =>
      `This operation could return ${p.cost} objects, more than the ${p.max} one request may. Lower \`first\` on nested connections (each page size multiplies those inside it) or split the query.`,
    (p) =>
      `Thao tác này có thể trả về ${p.cost} đối tượng, nhiều hơn mức ${p.max} của một yêu cầu. Hãy giảm \`first\` ở các danh sách lồng nhau (cỡ trang ngoài nhân với cỡ trang bên trong) hoặc tách truy vấn.`,
  ),
  rateLimited: entry<{ budget: number; windowSeconds: number; resetSeconds: number; cost: number; what?: string }>(
    (p) =>
      `The budget of ${p.budget} cost points per ${p.windowSeconds} s is spent; it is whole again in ${p.resetSeconds} s (Retry-After). ${p.what ?? "This operation"} costs ${p.cost}.`,
    (p) =>
      `Đã dùng hết hạn mức ${p.budget} điểm chi phí trong mỗi ${p.windowSeconds} giây; hạn mức được cấp lại đủ sau ${p.resetSeconds} giây (Retry-After). ${p.what ? `Yêu cầu ${p.what}` : "Thao tác này"} tốn ${p.cost} điểm.`,
  ),
  budgetSpent: entry<{ budget: number; windowSeconds: number; resetSeconds: number }>(
    (p) => `The budget of ${p.budget} cost points per ${p.windowSeconds} s is spent; it is whole again in ${p.resetSeconds} s (Retry-After).`,
    (p) => `Đã dùng hết hạn mức ${p.budget} điểm chi phí trong mỗi ${p.windowSeconds} giây; hạn mức được cấp lại đủ sau ${p.resetSeconds} giây (Retry-After).`,
  ),
  tooManyTokens: entry<{ limit: number }>(
    (p) => `Token limit of ${p.limit} exceeded. Split the document into smaller operations.`,
    (p) => `Văn bản truy vấn vượt quá giới hạn ${p.limit} token. Hãy chia thành các thao tác nhỏ hơn.`,
  ),
  tooDeep: entry<{ limit: number; found: number | string }>(
    (p) => `Query depth limit of ${p.limit} exceeded, found ${p.found}. Fetch the deeper objects in a second query, by code or id.`,
    (p) => `Truy vấn lồng sâu ${p.found} cấp, vượt quá giới hạn ${p.limit}. Hãy lấy các đối tượng ở sâu hơn bằng một truy vấn thứ hai, theo code hoặc id.`,
  ),
  tooManyAliases: entry<{ limit: number; found: number | string }>(
    (p) => `Aliases limit of ${p.limit} exceeded, found ${p.found}. Use a list field (provinces, communes) instead of one alias per object.`,
    (p) => `Truy vấn có ${p.found} bí danh (alias), vượt quá giới hạn ${p.limit}. Hãy dùng trường danh sách (provinces, communes) thay vì mỗi đối tượng một bí danh.`,
  ),
  tooManyDirectives: entry<{ limit: number; found: number | string }>(
    (p) => `Directives limit of ${p.limit} exceeded, found ${p.found}. Remove repeated @include/@skip directives.`,
    (p) => `Truy vấn có ${p.found} chỉ thị (directive), vượt quá giới hạn ${p.limit}. Hãy bỏ các chỉ thị @include/@skip lặp lại.`,
  ),
  responseTooLarge: entry<{ limit: number }>(
    (p) =>
      `The answer would be larger than the ${number(p.limit, "en")} bytes one response may hold. Ask for fewer boundaries per request, or a lower detail (boundary(detail: LOW or MEDIUM)); whole maps are at GET /geo/provinces.geojson.`,
    (p) =>
      `Kết quả sẽ lớn hơn ${number(p.limit, "vi")} byte mà một phản hồi được phép chứa. Hãy lấy ít ranh giới hơn trong mỗi yêu cầu, hoặc mức chi tiết thấp hơn (boundary(detail: LOW hoặc MEDIUM)); bản đồ toàn quốc có tại GET /geo/provinces.geojson.`,
  ),
  serverBusy: entry<NoParams>(
    () => "The server is busy sending other large answers. Retry in a few seconds, or ask for fewer or less detailed boundaries.",
    () => "Máy chủ đang bận gửi các kết quả lớn khác. Hãy thử lại sau vài giây, hoặc lấy ít ranh giới hơn hay ở mức chi tiết thấp hơn.",
  ),
  timeout: entry<{ ms: number }>(
    (p) => `The operation took longer than ${p.ms} ms and was stopped. Ask for fewer objects per request.`,
    (p) => `Thao tác chạy quá ${p.ms} ms nên đã bị dừng. Hãy lấy ít đối tượng hơn trong mỗi yêu cầu.`,
  ),
  bodyTooLarge: entry<NoParams>(
    () => "Request body too large",
    () => "Nội dung yêu cầu quá lớn",
  ),
  contentLengthInvalid: entry<NoParams>(
    () => "Content-Length header is invalid.",
    () => "Tiêu đề Content-Length không hợp lệ.",
  ),

  // ── Requests and persisted operations ─────────────────────────────────────────────────────────
  batchItemNotObject: entry<{ index: number }>(
    (p) => `Operation ${p.index} of the batch is not a JSON object ({"query": …, "variables": …}).`,
    (p) => `Thao tác thứ ${p.index} của lô (batch) không phải là đối tượng JSON ({"query": …, "variables": …}).`,
  ),
  parameterNotJson: entry<{ detail: string }>(
    (p) => `A request parameter is not valid JSON: ${p.detail}`,
    (p) => `Một tham số của yêu cầu không phải là JSON hợp lệ: ${p.detail}`,
  ),
  persistedNotFound: entry<NoParams>(
    () => "No persisted operation has this hash. Use an operation from the SDK's persisted documents, or send the query text.",
    () => "Không có thao tác lưu sẵn (persisted operation) nào mang mã băm này. Hãy dùng một thao tác trong tài liệu lưu sẵn của SDK, hoặc gửi văn bản truy vấn.",
  ),
  persistedOnly: entry<NoParams>(
    () =>
      "Only persisted operations are accepted from this caller: send `documentId` (or extensions.persistedQuery.sha256Hash) from the SDK's persisted documents instead of the query text.",
    () =>
      "Bên gọi này chỉ được dùng thao tác lưu sẵn: hãy gửi `documentId` (hoặc extensions.persistedQuery.sha256Hash) trong tài liệu lưu sẵn của SDK thay cho văn bản truy vấn.",
  ),
  noQuery: entry<NoParams>(
    () => "Send a `query`, or a persisted operation's `documentId`.",
    () => "Hãy gửi `query`, hoặc `documentId` của một thao tác lưu sẵn.",
  ),
  apqQueryTooLong: entry<{ max: number }>(
    (p) => `Queries longer than ${p.max} bytes are not kept as automatic persisted queries: send this one without extensions.persistedQuery.`,
    (p) => `Truy vấn dài hơn ${p.max} byte không được lưu làm truy vấn lưu sẵn tự động: hãy gửi truy vấn này không kèm extensions.persistedQuery.`,
  ),
  internalError: entry<NoParams>(
    () => "Unexpected error.",
    () => "Lỗi không mong muốn. Hãy báo cho đơn vị vận hành kèm requestId.",
  ),

  // ── API keys ──────────────────────────────────────────────────────────────────────────────────
  authorizationMalformed: entry<NoParams>(
    () => "The Authorization header must be `Bearer <API key>`.",
    () => "Tiêu đề Authorization phải có dạng `Bearer <API key>`.",
  ),
  keyUnknown: entry<NoParams>(
    () => "The API key is unknown or revoked. Check the key, ask for a new one, or send no Authorization header to use the anonymous budget.",
    () => "Khóa API không tồn tại hoặc đã bị thu hồi. Hãy kiểm tra lại khóa, xin khóa mới, hoặc không gửi tiêu đề Authorization để dùng hạn mức ẩn danh.",
  ),
  operationNeedsKey: entry<{ operation: string }>(
    (p) => `This ${p.operation} needs an API key with the "write" scope: send \`Authorization: Bearer <key>\`.`,
    (p) => `Thao tác ${p.operation} này cần khóa API có quyền "write": hãy gửi \`Authorization: Bearer <key>\`.`,
  ),
  operationNeedsScope: entry<{ operation: string; scope: string; key: string; scopes: readonly string[] }>(
    (p) => `This ${p.operation} needs the "${p.scope}" scope; the key "${p.key}" has ${scopesEn(p.scopes)}.`,
    (p) => `Thao tác ${p.operation} này cần quyền "${p.scope}"; khóa "${p.key}" có: ${scopesVi(p.scopes)}.`,
  ),
  writeNeedsKey: entry<NoParams>(
    () => "Writes and the audit log need an API key with the `write` scope: send `Authorization: Bearer <key>`.",
    () => "Thao tác ghi và nhật ký thay đổi (audit log) cần khóa API có quyền `write`: hãy gửi `Authorization: Bearer <key>`.",
  ),
  writeNeedsScope: entry<{ key: string; scopes: readonly string[] }>(
    (p) => `This needs the "write" scope; the key "${p.key}" has ${scopesEn(p.scopes)}.`,
    (p) => `Thao tác này cần quyền "write"; khóa "${p.key}" có: ${scopesVi(p.scopes)}.`,
  ),

  // ── The change feed (Subscription.changes, GET /feeds/…) ───────────────────────────────────────
  notAFeedCursor: entry<{ argument: string; cursor: string }>(
    (p) => `${p.argument} "${p.cursor}" is not a change-feed cursor: send the \`cursor\` (or SSE id) of the last event received.`,
    (p) => `${p.argument} "${p.cursor}" không phải là con trỏ của luồng thay đổi: hãy gửi \`cursor\` (hoặc id SSE) của sự kiện cuối cùng đã nhận.`,
  ),
  feedCursorAhead: entry<{ after: number; head: number }>(
    (p) => `after ${p.after} is ahead of the change log (its last event is ${p.head}): was the cursor received from another database?`,
    (p) => `after ${p.after} vượt quá nhật ký thay đổi (sự kiện cuối cùng là ${p.head}): con trỏ này có phải nhận từ một cơ sở dữ liệu khác?`,
  ),
  replayTooLarge: entry<{ backlog: number; after: number; maxReplay: number }>(
    (p) => `${p.backlog} events follow cursor ${p.after}, more than the ${p.maxReplay} one connection replays: read the current state with queries, then subscribe without \`after\`.`,
    (p) => `Có ${p.backlog} sự kiện sau con trỏ ${p.after}, nhiều hơn ${p.maxReplay} sự kiện mà một kết nối phát lại: hãy đọc trạng thái hiện tại bằng truy vấn, rồi đăng ký lại không kèm \`after\`.`,
  ),
  tooManySubscribers: entry<{ max: number }>(
    (p) => `This server already streams the change feed to ${p.max} subscribers; reconnect later (Retry-After) or poll /feeds/registry-changes.atom.`,
    (p) => `Máy chủ này đang phát luồng thay đổi cho ${p.max} bên đăng ký; hãy kết nối lại sau (Retry-After) hoặc đọc định kỳ /feeds/registry-changes.atom.`,
  ),

  // ── Stewards' writes: the `message` of a payload's userErrors (service/) ─────────────────────────
  tooManyFigures: entry<{ max: number }>(
    (p) => `at most ${p.max} figures per call; use \`npm run import\` for larger files.`,
    (p) => `mỗi lần gọi tối đa ${p.max} số liệu; tệp lớn hơn hãy dùng \`npm run import\`.`,
  ),
  itemRepeated: entry<{ index: number; first: number }>(
    (p) => `item ${p.index} repeats item ${p.first} (same indicator, subject, asOf and source).`,
    (p) => `mục ${p.index} lặp lại mục ${p.first} (cùng chỉ tiêu, đối tượng, asOf và nguồn).`,
  ),
  figureAlreadyRecorded: entry<{ id: string; indicator: string; subjectType: string; subjectCode: string; asOf: string; sourceId: string; retracted: boolean; value: number }>(
    (p) =>
      `figure ${p.id} already records ${p.indicator} of ${p.subjectType} ${p.subjectCode} on ${p.asOf} from "${p.sourceId}"` +
      `${p.retracted ? " (retracted)" : ` with value ${p.value}`}; to change it use correctFigure, not addFigures.`,
    (p) =>
      `số liệu ${p.id} đã ghi ${p.indicator} của ${p.subjectType} ${p.subjectCode} vào ngày ${p.asOf} từ nguồn "${p.sourceId}"` +
      `${p.retracted ? " (đã thu hồi)" : ` với giá trị ${p.value}`}; muốn thay đổi hãy dùng correctFigure, không dùng addFigures.`,
  ),
  reasonRequired: entry<{ action: "corrected" | "retracted" }>(
    (p) => `reason must say why the figure is ${p.action}.`,
    (p) => `reason phải nêu lý do ${p.action === "corrected" ? "đính chính" : "thu hồi"} số liệu.`,
  ),
  figureNotFound: entry<{ id: string }>(
    (p) => `no figure has the id "${p.id}".`,
    (p) => `không có số liệu nào mang id "${p.id}".`,
  ),
  figureSuperseded: entry<{ id: string; by: string; action: "correct" | "retract" }>(
    (p) => `figure ${p.id} was corrected by ${p.by}; ${p.action} that one.`,
    (p) => `số liệu ${p.id} đã được đính chính bằng ${p.by}; hãy ${p.action === "correct" ? "đính chính" : "thu hồi"} số liệu đó.`,
  ),
  figureRetractedAddNew: entry<{ id: string; on: string }>(
    (p) => `figure ${p.id} was retracted on ${p.on}; add a new figure instead.`,
    (p) => `số liệu ${p.id} đã bị thu hồi lúc ${p.on}; hãy thêm một số liệu mới.`,
  ),
  figureAlreadyRetracted: entry<{ id: string; on: string }>(
    (p) => `figure ${p.id} was already retracted on ${p.on}.`,
    (p) => `số liệu ${p.id} đã bị thu hồi từ lúc ${p.on}.`,
  ),
  correctionUnchanged: entry<{ id: string }>(
    (p) => `the correction repeats figure ${p.id} exactly; give at least one changed field.`,
    (p) => `bản đính chính trùng hoàn toàn với số liệu ${p.id}; hãy nêu ít nhất một trường thay đổi.`,
  ),
  correctionDuplicate: entry<{ id: string }>(
    (p) => `figure ${p.id} already records this indicator, subject, asOf and source; correct that one instead.`,
    (p) => `số liệu ${p.id} đã ghi cùng chỉ tiêu, đối tượng, asOf và nguồn này; hãy đính chính số liệu đó.`,
  ),
  publishedAfterToday: entry<{ publishedOn: string; today: string }>(
    (p) => `publishedOn ${p.publishedOn} is after today (${p.today}).`,
    (p) => `publishedOn ${p.publishedOn} là sau ngày hôm nay (${p.today}).`,
  ),
  translationOfUnknown: entry<{ id: string }>(
    (p) => `source "${p.id}" is unknown.`,
    (p) => `không có nguồn "${p.id}".`,
  ),
  sourceIdTaken: entry<{ id: string }>(
    (p) => `source "${p.id}" exists with other details; choose another id.`,
    (p) => `nguồn "${p.id}" đã có với thông tin khác; hãy chọn id khác.`,
  ),
  sourceUrlTaken: entry<{ id: string; url: string }>(
    (p) => `source "${p.id}" already cites ${p.url}; cite it instead.`,
    (p) => `nguồn "${p.id}" đã dẫn ${p.url}; hãy dẫn nguồn đó.`,
  ),
  figureIndicatorUnknown: entry<{ code: string }>(
    (p) => `indicator "${p.code}" is unknown; list the codes with { indicators { code unit } }.`,
    (p) => `không có chỉ tiêu "${p.code}"; xem danh sách mã bằng { indicators { code unit } }.`,
  ),
  unitMismatch: entry<{ unit: string; indicator: string; expected: string }>(
    (p) => `unit "${p.unit}" is not the unit of ${p.indicator}, which is "${p.expected}".`,
    (p) => `"${p.unit}" không phải là đơn vị tính của ${p.indicator}; đơn vị tính là "${p.expected}".`,
  ),
  percentOutOfRange: entry<{ value: number }>(
    (p) => `a percentage must lie in 0..100; got ${p.value}`,
    (p) => `tỷ lệ phần trăm phải từ 0 đến 100; nhận được ${p.value}`,
  ),
  countOutOfRange: entry<{ value: number; max: number }>(
    (p) => `a count must be a non-negative whole number of at most ${p.max}; got ${p.value}`,
    (p) => `số đếm phải là số nguyên không âm, tối đa ${p.max}; nhận được ${p.value}`,
  ),
  amountOutOfRange: entry<{ value: number; max: number }>(
    (p) => `an amount in VND must lie in 0..${p.max}; got ${p.value}`,
    (p) => `số tiền (VND) phải từ 0 đến ${p.max}; nhận được ${p.value}`,
  ),
  figureAsOfAfterToday: entry<{ asOf: string; today: string }>(
    (p) => `asOf ${p.asOf} is after today (${p.today}).`,
    (p) => `asOf ${p.asOf} là sau ngày hôm nay (${p.today}).`,
  ),
  figureSourceUnknown: entry<{ id: string }>(
    (p) => `source "${p.id}" is unknown; add it first with addSource, or list them with { sources { code } }.`,
    (p) => `không có nguồn "${p.id}"; hãy thêm nguồn trước bằng addSource, hoặc xem danh sách bằng { sources { code } }.`,
  ),
  noProvinceWithCode: entry<{ code: string }>(
    (p) => `no province has the code "${p.code}" (2 digits, e.g. "01").`,
    (p) => `không có tỉnh, thành phố nào mang mã "${p.code}" (2 chữ số, ví dụ "01").`,
  ),
  provinceNotInForce: entry<{ code: string; asOf: string; start: string }>(
    (p) => `province ${p.code} did not exist on ${p.asOf}: the current provinces date from ${p.start}; before that use LEGACY_PROVINCE with the old code.`,
    (p) => `tỉnh ${p.code} chưa tồn tại vào ngày ${p.asOf}: các tỉnh, thành phố hiện nay có từ ngày ${p.start}; trước ngày đó hãy dùng LEGACY_PROVINCE với mã cũ.`,
  ),
  noCommuneWithCode: entry<{ code: string }>(
    (p) => `no commune-level unit has the code "${p.code}" (5 digits).`,
    (p) => `không có đơn vị hành chính cấp xã nào mang mã "${p.code}" (5 chữ số).`,
  ),
  communeNotInForce: entry<{ code: string; asOf: string; start: string }>(
    (p) => `commune ${p.code} did not exist on ${p.asOf} (the two-level registry starts on ${p.start}).`,
    (p) => `đơn vị cấp xã ${p.code} chưa tồn tại vào ngày ${p.asOf} (danh mục chính quyền địa phương hai cấp bắt đầu từ ngày ${p.start}).`,
  ),
  noAgencyWithId: entry<{ code: string }>(
    (p) => `no agency has the id "${p.code}"; find ids with { agencies { code } }.`,
    (p) => `không có cơ quan nào mang id "${p.code}"; tìm id bằng { agencies { code } }.`,
  ),
  noLegacyProvince: entry<{ code: string }>(
    (p) => `no pre-2025-07-01 province has the code "${p.code}".`,
    (p) => `không có tỉnh, thành phố nào trước ngày 2025-07-01 mang mã "${p.code}".`,
  ),
  legacyProvinceEnded: entry<{ code: string; name: string; asOf: string; successor: string }>(
    (p) => `old province ${p.code} (${p.name}) ended on 2025-06-30; for ${p.asOf} use PROVINCE ${p.successor}.`,
    (p) => `tỉnh cũ ${p.code} (${p.name}) chấm dứt vào ngày 2025-06-30; với ngày ${p.asOf} hãy dùng PROVINCE ${p.successor}.`,
  ),
  noLegacyDistrict: entry<{ code: string }>(
    (p) => `no pre-2025-07-01 district has the code "${p.code}" (3 digits).`,
    (p) => `không có đơn vị cấp huyện nào trước ngày 2025-07-01 mang mã "${p.code}" (3 chữ số).`,
  ),
  legacyDistrictEnded: entry<{ code: string; name: string }>(
    (p) => `district ${p.code} (${p.name}) ended on 2025-06-30, when the district level was abolished.`,
    (p) => `huyện ${p.code} (${p.name}) chấm dứt vào ngày 2025-06-30, khi cấp huyện kết thúc hoạt động.`,
  ),
  citesTranslation: entry<{ id: string; original: string }>(
    (p) => `source "${p.id}" is a translation; cite its original "${p.original}".`,
    (p) => `nguồn "${p.id}" là bản dịch; hãy dẫn bản gốc "${p.original}".`,
  ),
  asOfAfterPublication: entry<{ asOf: string; published: string }>(
    (p) => `asOf ${p.asOf} is after the source's publication date ${p.published}: a report cannot state a later day.`,
    (p) => `asOf ${p.asOf} là sau ngày công bố ${p.published} của nguồn: một báo cáo không thể nêu số liệu của ngày sau đó.`,
  ),
  quoteNotInSource: entry<{ id: string; file: string }>(
    (p) => `the quote does not occur verbatim in the vendored text of "${p.id}" (prisma/data/sources/${p.file}); copy it exactly.`,
    (p) => `câu trích không có nguyên văn trong văn bản lưu kèm của nguồn "${p.id}" (prisma/data/sources/${p.file}); hãy chép đúng từng chữ.`,
  ),
} satisfies Record<string, Entry<never>>;

export type MessageKey = keyof typeof MESSAGES;
/** The parameters a message takes. */
export type MessageParams<K extends MessageKey> = Parameters<(typeof MESSAGES)[K]["en"]>[0];

/** The text of a message in a language. */
export function renderMessage<K extends MessageKey>(key: K, params: MessageParams<K>, language: Language = DEFAULT_LANGUAGE): string {
  const render = MESSAGES[key][language] as (params: MessageParams<K>) => string;
  return render(params);
}

/** `value` if it is one of LANGUAGES (a `?lang=` parameter, a negotiated tag), else null. */
export function asLanguage(value: string | null | undefined): Language | null {
  return (LANGUAGES as readonly string[]).includes(value ?? "") ? (value as Language) : null;
}
