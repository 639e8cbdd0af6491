#include "serve/process_upload.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <map>

#include "base/allowed_folders.h"
#include "base/messages.h"
#include "base/precision.h"
#include "commands/archive_step.h"
#include "commands/batch.h"
#include "commands/check.h"
#include "commands/report.h"
#include "load/input_kind.h"
#include "render/render.h"
#include "render/render_history.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

bool EndsWithNoCase(const std::string& s, const std::string& tail) {
  if (s.size() < tail.size()) return false;
  for (std::size_t i = 0; i < tail.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - tail.size() + i])) != tail[i]) return false;
  return true;
}

std::string Refusal(const std::string& at, const MessageDef& def, Language lang, const std::string& arg = "") {
  CommandResult r;
  r.exit = ExitCode::kInput;
  r.language = lang;
  r.diagnostics.Error(SourceLoc{at}, "", def, arg);
  return r.DiagnosticsText();
}

// A zip entry's name as a path under the project: refused when it could
// reach outside (.., an absolute path, a backslash a Windows zip tool left).
bool SafeEntryName(const std::string& name) {
  if (name.empty() || name[0] == '/' || name.find('\\') != std::string::npos) return false;
  for (const auto& part : fs::path(name))
    if (part == "..") return false;
  return true;
}

// The project a .zip holds: project.yaml at its top or in its one folder,
// with every file beside it, by its name under that folder. Throws
// InputError (the zip reader's limits, an unsafe name, no project.yaml).
std::map<std::string, std::string> ProjectFiles(const Upload& u, const UploadLimits& limits) {
  auto entries = ReadZipEntries(u.name, u.bytes, limits.zip);
  std::string prefix;
  bool found = false;
  for (const auto& [name, bytes] : entries) {
    if (!SafeEntryName(name)) Fail(SourceLoc{u.name}, "", msg::kServeZipUnsafeName, name);
    if (name.rfind("__MACOSX/", 0) == 0) continue;  // macOS Finder's resource forks
    fs::path p(name);
    if (p.filename() != "project.yaml") continue;
    std::string parent = p.parent_path().string();
    if (parent.find('/') != std::string::npos) continue;
    if (!found || parent.size() < prefix.size()) prefix = parent;
    found = true;
  }
  if (!found) Fail(SourceLoc{u.name}, "", msg::kServeZipNoProject);
  if (!prefix.empty()) prefix += "/";
  std::map<std::string, std::string> files;
  for (auto& [name, bytes] : entries)
    if (name.rfind(prefix, 0) == 0 && name.rfind("__MACOSX/", 0) != 0)
      files[name.substr(prefix.size())] = std::move(bytes);
  return files;
}

// Where an uploaded project stands, by name only (its files are in
// memory): inputs/<zip name> beside the bundled indicators/, as a project
// made by `init` stands, so the `system: ../../indicators/<体系>.yaml` it
// names is the bundled system (read from disk: an allowed folder).
std::string UploadedProjectRoot(const std::string& zip_name) {
  const std::string stem = fs::path(zip_name).stem().string();
  const std::vector<std::string> bundled = BundledIndicatorFolders();
  fs::path base = bundled.empty() ? fs::path() : fs::path(bundled.front()).parent_path();
  return (base / "inputs" / stem).string();
}

void TakeOutputs(ProcessedUpload& p, std::vector<OutputFile>& files) {
  for (auto& f : files) p.outputs.push_back(OutputFile{fs::path(f.path).filename().string(), std::move(f.bytes)});
}

// The review as the page shows it: counts, and each finding with its place
// and its sentence in the request's language, as `check` prints them.
std::string CheckJson(const CheckResult& r, Language lang) {
  std::string out = fmt::format("{{\"errors\": {}, \"warnings\": {}, \"stated\": {}, \"text\": {}, \"findings\": [",
                                r.errors, r.warnings, r.stated ? "true" : "false",
                                JsonString(RenderCheckTerminal(r, lang)));
  bool first = true;
  for (const auto& f : r.findings) {
    out += first ? "" : ",";
    first = false;
    out += fmt::format(
        "{{\"severity\": {}, \"kind\": {}, \"kind_name\": {}, \"place\": {}, \"where\": {}, \"indicator\": {}, "
        "\"message\": {}, \"effect\": {}}}",
        JsonString(f.severity == Severity::kError ? "error" : "warning"), JsonString(f.kind),
        JsonString(CheckKindName(f.kind, lang)), JsonString(f.loc.ToString()), JsonString(f.where),
        JsonString(f.indicator), JsonString(FindingMessage(f, lang)), JsonString(FindingEffect(f, lang)));
  }
  out += "], \"scores\": [";
  first = true;
  for (const auto& l : r.scores) {
    out += first ? "" : ",";
    first = false;
    out += fmt::format("{{\"code\": {}, \"name\": {}, \"weight\": {}, \"submitted\": {}, \"reviewed\": {}, \"difference\": {}}}",
                       JsonString(l.code), JsonString(l.name), JsonString(l.weight.ToShort(kScorePlaces)),
                       l.submitted ? JsonString(*l.submitted) : "null", JsonString(l.reviewed.ToFixed(kScorePlaces)),
                       l.difference ? JsonString(l.difference->ToFixed(kScorePlaces)) : "null");
  }
  return out + "]}";
}

std::string KindName(InputKind k) {
  switch (k) {
    case InputKind::kSelfForm: return "self-form";
    case InputKind::kScoringWorkbook: return "scoring-sheet";
    case InputKind::kCollectWorkbook: return "collect-workbook";
    default: return "project";
  }
}

}  // namespace

UploadWork ParseUploadWork(const std::string& name) {
  return name == "check" ? UploadWork::kCheck : name == "report" ? UploadWork::kReport : UploadWork::kBoth;
}

ProcessedUpload ProcessUpload(const Upload& u, const TemplateSet& templates, const UploadLimits& limits,
                              Language lang, UploadWork work, bool pdf, const std::string& db) {
  ProcessedUpload p;
  p.name = u.name;
  p.row.dir = u.name;
  ProjectInput input;
  input.path = u.name;
  bool report = true;
  if (EndsWithNoCase(u.name, ".zip")) {
    p.kind = "project";
    CommandResult read;
    read.language = lang;
    std::map<std::string, std::string> files;
    CatchInputError(read, [&] { files = ProjectFiles(u, limits); }, u.name);
    if (read.Refused()) {
      p.refused = true;
      p.diagnostics = read.DiagnosticsText();
      p.row.error = p.diagnostics;
      return p;
    }
    input.files = std::make_shared<InputFiles>(UploadedProjectRoot(u.name), std::move(files));
  } else if (EndsWithNoCase(u.name, ".xlsx")) {
    input.bytes = std::make_shared<const std::string>(u.bytes);
    InputKind kind = ReadInputKind(u.name, input.bytes.get());
    p.kind = KindName(kind);
    report = kind == InputKind::kSelfForm;
  } else {
    p.kind = "other";
    p.refused = true;
    p.diagnostics = Refusal(u.name, msg::kServeUnsupportedFile, lang);
    p.row.error = p.diagnostics;
    return p;
  }

  if (work == UploadWork::kCheck) report = false;
  // The review before the report: with --db the run it keeps holds its findings.
  CheckOutcome c;
  if (work != UploadWork::kReport || !report) {
    CheckRequest cq;
    cq.target = input;
    cq.out = "output";
    cq.keep_in_memory = true;
    cq.language = lang;
    cq.db = db;
    c = RunCheck(cq);
  }
  std::optional<ScoredProject> scored;
  std::optional<ArchiveOutcome> archived = c.archive;
  if (report) {
    ReportRequest rq;
    rq.project = input;
    rq.template_set = &templates;
    rq.keep_in_memory = true;
    rq.pdf = pdf;
    rq.language = lang;
    rq.db = db;
    ReportOutcome r = RunReport(rq);
    if (r.Refused()) {
      p.diagnostics += r.DiagnosticsText();
    } else {
      for (const auto& d : r.diagnostics.All()) p.diagnostics += RenderDiagnostic(d, lang, r.inputs.get());
      scored = std::move(r.scored);
      p.score_json = RenderJson(*scored);
      p.total = scored->total.ToFixed(kScorePlaces);
      p.grade = scored->grade;
      TakeOutputs(p, r.files);
      if (!archived) archived = r.archive;  // else the review's run: the same inputs, kept with its findings
    }
  }
  if (c.checked) {
    p.check_json = CheckJson(c.check, lang);
    TakeOutputs(p, c.files);
  } else if (c.Refused() && (!report || scored)) {  // a refusal the report did not already give
    p.diagnostics += c.DiagnosticsText();
  }
  if (archived) {
    p.archived = ArchiveLine(*archived, lang);
    if (archived->previous && scored) {
      p.previous_year = archived->previous->year;
      p.previous_total = archived->previous->total.ToFixed(kScorePlaces);
      p.change = ChangeText(scored->total - archived->previous->total);
    }
  }
  p.refused = !scored && !c.checked;
  if (p.refused) {
    p.row.error = p.diagnostics;
    return p;
  }
  p.row.ok = true;
  if (scored) {
    p.row = SummaryRow(u.name, *scored, c.check);
    p.row.ok = true;
    if (archived && archived->previous) {
      p.row.previous_year = archived->previous->year;
      p.row.previous_total = archived->previous->total;
    }
    if (!c.checked) p.row.notes = p.diagnostics;
  } else {  // a 评分表: its own figures, reviewed
    p.row.name = c.check.name;
    p.row.errors = c.check.errors;
    p.row.warnings = c.check.warnings;
    if (!c.check.scores.empty()) {
      const ScoreLine& total = c.check.scores.back();
      p.row.total = total.reviewed;
      p.total = total.reviewed.ToFixed(kScorePlaces);
      if (total.submitted) p.row.stated_total = Decimal::Parse(*total.submitted);
    }
  }
  return p;
}

std::string ProcessedUploadJson(const ProcessedUpload& p, const std::vector<DownloadRef>& downloads) {
  std::string out = fmt::format(
      "{{\"name\": {}, \"kind\": {}, \"refused\": {}, \"diagnostics\": {}, \"total\": {}, \"grade\": {}, "
      "\"archived\": {}, \"previous_year\": {}, \"previous_total\": {}, \"change\": {}, "
      "\"score\": {}, \"check\": {}, \"downloads\": [",
      JsonString(p.name), JsonString(p.kind), p.refused ? "true" : "false", JsonString(p.diagnostics),
      JsonString(p.total), JsonString(p.grade), JsonString(p.archived), JsonString(p.previous_year),
      JsonString(p.previous_total), JsonString(p.change), p.score_json.empty() ? "null" : p.score_json,
      p.check_json.empty() ? "null" : p.check_json);
  bool first = true;
  for (const auto& d : downloads) {
    out += fmt::format("{}{{\"id\": {}, \"name\": {}, \"size\": {}}}", first ? "" : ",", d.id, JsonString(d.name), d.size);
    first = false;
  }
  return out + "]}";
}

}  // namespace jixiao
