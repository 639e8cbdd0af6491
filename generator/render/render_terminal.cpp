#include <fmt/format.h>

#include "base/messages.h"
#include "base/precision.h"
#include "render/render.h"

namespace jixiao {
namespace {

std::string RateText(const ScoredIndicator& s) { return s.rate ? s.rate->ToPercent(kPercentPlaces) : "-"; }

void Rows(const ScoredIndicator& s, std::string& out) {
  const Indicator& d = *s.def;
  std::string name = std::string(static_cast<size_t>((d.level - 1) * 2), ' ') + d.name;
  out += fmt::format("{:<6} {:<28} {:>6} {:>7} {:>8}", d.code, name, d.weight.ToShort(kScorePlaces),
                     s.score.ToFixed(kScorePlaces), RateText(s));
  if (s.children.empty() && s.Lost()) out += "  " + s.reason;
  out += "\n";
  for (const auto& c : s.children) Rows(c, out);
}

}  // namespace

std::string RenderTerminal(const ScoredProject& sp, Language lang) {
  const Project& p = *sp.project;
  auto say = [lang](const MessageDef& def, const auto&... args) { return Pick(Format(def, args...), lang); };
  std::string out;
  out += (p.info.year.empty() ? p.info.name : say(msg::kTermTitleYear, p.info.name, p.info.year)) + "\n";
  out += say(msg::kTermSystem, sp.system().name) + "\n\n";
  out += fmt::format("{:<6} {:<28} {:>6} {:>7} {:>8}  {}\n", say(msg::kTermColumnCode), say(msg::kTermColumnIndicator),
                     say(msg::kTermColumnWeight), say(msg::kTermColumnScore), say(msg::kTermColumnRate),
                     say(msg::kTermColumnReason));
  for (const auto& r : sp.roots) Rows(r, out);
  out += "\n";
  if (!p.deductions.empty()) {
    for (const auto& d : p.deductions) out += say(msg::kTermDeduction, d.reason, d.points.ToFixed(kScorePlaces)) + "\n";
    if (sp.deductions != sp.deductions_claimed)
      out += say(msg::kTermDeductionsCapped, sp.deductions_claimed.ToFixed(kScorePlaces),
                 sp.system().deduction_cap->ToShort(kScorePlaces), sp.deductions.ToFixed(kScorePlaces)) + "\n";
  }
  out += say(msg::kTermTotal, sp.total.ToFixed(kScorePlaces), sp.system().total.ToShort(kScorePlaces), sp.grade) + "\n";
  return out;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace jixiao
