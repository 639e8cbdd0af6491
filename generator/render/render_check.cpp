#include <fmt/format.h>

#include "base/messages.h"
#include "base/precision.h"
#include "check/check.h"
#include "render/render.h"
#include "render/report_data.h"

namespace jixiao {
namespace {

std::string SeverityName(Severity s, Language lang = Language::kChinese) {
  const MessageDef& d = s == Severity::kError     ? msg::kCheckSeverityError
                        : s == Severity::kWarning ? msg::kCheckSeverityWarning
                                                  : msg::kCheckSeverityNote;
  return Pick(Format(d), lang);
}

std::string Summary(const CheckResult& r, Language lang = Language::kChinese) {
  if (!r.stated && r.findings.empty()) return Pick(Format(msg::kCheckCleanUnstated), lang);
  if (r.findings.empty()) return Pick(Format(msg::kCheckClean), lang);
  return Pick(Format(msg::kCheckCounts, r.errors, r.warnings), lang);
}

}  // namespace

std::string RenderCheckTerminal(const CheckResult& r, Language lang) {
  std::string out = Pick(Format(msg::kCheckHeading, r.name, r.target), lang) + "\n";
  if (!r.source.empty()) out += Pick(Format(msg::kCheckSourceLine, r.source), lang) + "\n";
  out += Summary(r, lang) + "\n";
  Severity current = Severity::kNote;
  for (const auto& f : r.findings) {
    if (f.severity != current) {
      current = f.severity;
      out += "\n" + Pick(Format(msg::kCheckSeverityHeading, SeverityName(current, lang)), lang) + "\n";
    }
    const bool en = lang == Language::kEnglish;
    out += fmt::format("  {}: [{} {}] {}{}", f.loc.ToString(), CheckKindName(f.kind, lang), f.kind,
                       f.where.empty() ? "" : (en ? "(" + f.where + ") " : "（" + f.where + "）"),
                       FindingMessage(f, lang));
    const std::string& effect = FindingEffect(f, lang);
    if (!effect.empty()) out += en ? " (" + effect + ")" : "（" + effect + "）";
    out += "\n";
  }
  return out;
}

std::string RenderCheckJson(const CheckResult& r) {
  std::string out = "{\n";
  out += fmt::format("  \"target\": {},\n  \"project\": {},\n  \"source\": {},\n", JsonString(r.target),
                     JsonString(r.name), JsonString(r.source));
  out += fmt::format("  \"errors\": {},\n  \"warnings\": {},\n  \"findings\": [", r.errors, r.warnings);
  bool first = true;
  for (const auto& f : r.findings) {
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format(
        "    {{\"severity\": {}, \"kind\": {}, \"file\": {}, \"line\": {}, \"column\": {}, \"cell\": {}, \"where\": {}, "
        "\"indicator\": {}, \"subject\": {}, \"stated\": {}, \"expected\": {}, \"message\": {}, \"effect\": {}}}",
        JsonString(f.severity == Severity::kError ? "error" : "warning"), JsonString(f.kind),
        JsonString(f.loc.file), f.loc.line, f.loc.column, JsonString(f.loc.cell),
        f.where.empty() ? "null" : JsonString(f.where), f.indicator.empty() ? "null" : JsonString(f.indicator), JsonString(f.subject),
        JsonString(f.stated), JsonString(f.expected), JsonString(f.message),
        f.effect.empty() ? "null" : JsonString(f.effect));
  }
  out += "\n  ],\n  \"scores\": [";
  first = true;
  for (const auto& l : r.scores) {
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format("    {{\"code\": {}, \"name\": {}, \"weight\": {}, \"submitted\": {}, \"reviewed\": {}, \"difference\": {}}}",
                       l.code.empty() ? "null" : JsonString(l.code), JsonString(l.name), l.weight.ToShort(kScorePlaces),
                       l.submitted ? JsonString(*l.submitted) : "null", l.reviewed.ToFixed(kScorePlaces),
                       l.difference ? l.difference->ToFixed(kScorePlaces) : "null");
  }
  out += "\n  ]\n}\n";
  return out;
}

std::string RenderRefusalJson(const std::string& target, const std::vector<Diagnostic>& diagnostics,
                              Language language) {
  std::string out = "{\n";
  out += fmt::format("  \"target\": {},\n  \"refused\": true,\n  \"diagnostics\": [", JsonString(target));
  bool first = true;
  for (const auto& d : diagnostics) {
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format(
        "    {{\"severity\": {}, \"id\": {}, \"file\": {}, \"line\": {}, \"column\": {}, \"cell\": {}, "
        "\"indicator\": {}, \"message\": {}}}",
        JsonString(d.severity == Severity::kError ? "error" : "warning"), JsonString(d.id), JsonString(d.loc.file),
        d.loc.line, d.loc.column, JsonString(d.loc.cell), d.indicator.empty() ? "null" : JsonString(d.indicator),
        JsonString(Pick(d.message, language)));
  }
  out += "\n  ]\n}\n";
  return out;
}

// Where a finding stands in the submitted document: the workbook's
// sheet!cell, else the file and line.
std::string Place(const Finding& f) {
  if (!f.loc.cell.empty()) return f.loc.cell;
  if (!f.where.empty()) return f.where + "（" + f.loc.ToString() + "）";
  return f.loc.ToString();
}

std::string RenderCheckMarkdown(const CheckResult& r) {
  std::string out = fmt::format("# 审核意见：{}\n\n", EscapeMarkdown(r.name));
  if (!r.source.empty()) out += fmt::format("报送文件：{}\n\n", EscapeMarkdown(r.source));
  out += Summary(r) + "\n\n";
  // What the reviewer acts on first: the findings, errors before warnings.
  if (!r.findings.empty()) {
    out += "## 审核发现\n\n";
    // Three columns, so the text has the page's width in print.
    out += "| 序号 | 位置 | 核对意见 |\n| ---: | --- | --- |\n";
    size_t n = 0;
    for (const auto& f : r.findings) {
      std::string said = fmt::format("**{} · {}**（{}）{}", SeverityName(f.severity),
                                     EscapeMarkdown(CheckKindName(f.kind)), f.kind, EscapeMarkdown(f.message));
      if (!f.stated.empty() || !f.expected.empty())
        said += fmt::format("（报送：{}；应为：{}）", f.stated.empty() ? "未填" : EscapeMarkdown(f.stated),
                            f.expected.empty() ? "—" : EscapeMarkdown(f.expected));
      if (!f.effect.empty()) said += "**对等级的影响：" + EscapeMarkdown(f.effect) + "**";
      out += fmt::format("| {} | {} · {} | {} |\n", ++n, EscapeMarkdown(Place(f)), EscapeMarkdown(f.subject), said);
    }
    out += "\n";
  }
  if (!r.scores.empty()) {
    out += "## 逐项得分（审核得分）\n\n| 指标 | 满分 | 报送得分 | 审核得分 | 差额 |\n| --- | ---: | ---: | ---: | ---: |\n";
    for (const auto& l : r.scores)
      out += fmt::format("| {} | {} | {} | {} | {} |\n", EscapeMarkdown((l.code.empty() ? "" : l.code + " ") + l.name),
                         l.weight.ToShort(kScorePlaces), l.submitted ? EscapeMarkdown(*l.submitted) : "未填",
                         l.reviewed.ToFixed(kScorePlaces),
                         l.difference ? l.difference->ToFixed(kScorePlaces) : "—");
    out += "\n";
  }
  return out;
}

}  // namespace jixiao
