#include <fmt/format.h>

#include "base/precision.h"
#include "render/render.h"

namespace jixiao {
namespace {

void Flatten(const ScoredIndicator& s, const std::string& parent, std::string& out, bool& first) {
  const Indicator& d = *s.def;
  out += first ? "\n    " : ",\n    ";
  first = false;
  out += fmt::format(
      "{{\"code\": {}, \"name\": {}, \"level\": {}, \"parent\": {}, \"weight\": {}, \"score\": {}, "
      "\"rate_percent\": {}, \"leaf\": {}",
      JsonString(d.code), JsonString(d.name), d.level,
      parent.empty() ? "null" : JsonString(parent), d.weight.ToShort(kScorePlaces), s.score.ToFixed(kScorePlaces),
      s.rate ? (*s.rate * Decimal(100)).ToShort(kPercentPlaces) : "null", s.children.empty() ? "true" : "false");
  if (d.rule) out += fmt::format(", \"rule\": {}", JsonString(RuleKindName(d.rule->kind)));
  if (s.children.empty()) {
    out += fmt::format(", \"explanation\": {}, \"reason\": {}", JsonString(s.explanation),
                       s.reason.empty() ? "null" : JsonString(s.reason));
    if (s.overridden) out += ", \"overridden\": true";
  }
  out += "}";
  for (const auto& c : s.children) Flatten(c, d.code, out, first);
}

}  // namespace

std::string RenderJson(const ScoredProject& sp) {
  const Project& p = *sp.project;
  std::string out = "{\n";
  out += fmt::format("  \"project\": {},\n", JsonString(p.info.name));
  out += fmt::format("  \"year\": {},\n", JsonString(p.info.year));
  out += fmt::format("  \"system\": {},\n", JsonString(sp.system().name));
  out += fmt::format("  \"full_score\": {},\n", sp.system().total.ToShort(kScorePlaces));
  out += fmt::format("  \"sum\": {},\n", sp.sum.ToFixed(kScorePlaces));
  out += fmt::format("  \"deductions_total\": {},\n", sp.deductions.ToFixed(kScorePlaces));
  out += fmt::format("  \"total\": {},\n", sp.total.ToFixed(kScorePlaces));
  out += fmt::format("  \"grade\": {},\n", JsonString(sp.grade));
  out += "  \"indicators\": [";
  bool first = true;
  for (const auto& r : sp.roots) Flatten(r, "", out, first);
  out += "\n  ],\n  \"deductions\": [";
  first = true;
  for (const auto& d : p.deductions) {
    out += fmt::format("{}\n    {{\"reason\": {}, \"points\": {}}}", first ? "" : ",",
                       JsonString(d.reason), d.points.ToFixed(kScorePlaces));
    first = false;
  }
  out += "\n  ],\n  \"values\": [";
  first = true;
  for (const auto& v : sp.values) {
    out += fmt::format("{}\n    {{\"name\": {}, \"value\": {}, \"display\": {}}}", first ? "" : ",",
                       JsonString(v.name), v.value.ToExactString(), JsonString(v.display));
    first = false;
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace jixiao
