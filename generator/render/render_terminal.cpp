#include <fmt/format.h>

#include "base/precision.h"
#include "render/render.h"

namespace jixiao {
namespace {

std::string RateText(const ScoredIndicator& s) { return s.rate ? s.rate->ToPercent(kPercentPlaces) : "-"; }

void Rows(const ScoredIndicator& s, std::string& out) {
  const Indicator& d = *s.def;
  std::string name = std::string(static_cast<size_t>((d.level - 1) * 2), ' ') + d.name;
  out += fmt::format("{:<6} {:<28} {:>6} {:>7} {:>8}", d.code, name, d.weight.ToShort(kScorePlaces),
                     s.score.ToShort(kScorePlaces), RateText(s));
  if (s.children.empty() && s.Lost()) out += "  " + s.reason;
  out += "\n";
  for (const auto& c : s.children) Rows(c, out);
}

}  // namespace

std::string RenderTerminal(const ScoredProject& sp) {
  const Project& p = *sp.project;
  std::string out;
  out += fmt::format("{}{}\n", p.info.name, p.info.year.empty() ? "" : "（" + p.info.year + "）");
  out += fmt::format("指标体系：{}\n\n", sp.system().name);
  out += fmt::format("{:<6} {:<28} {:>6} {:>7} {:>8}  {}\n", "编码", "指标", "权重", "得分", "得分率",
                     "扣分原因");
  for (const auto& r : sp.roots) Rows(r, out);
  out += "\n";
  if (!p.deductions.empty()) {
    for (const auto& d : p.deductions)
      out += fmt::format("减分项：{}  -{}\n", d.reason, d.points.ToShort(kScorePlaces));
    if (sp.deductions != sp.deductions_claimed)
      out += fmt::format("减分合计 {}，超过上限 {}，按 {} 计\n", sp.deductions_claimed.ToShort(kScorePlaces),
                         sp.system().deduction_cap->ToShort(kScorePlaces), sp.deductions.ToShort(kScorePlaces));
  }
  out += fmt::format("总分 {} / {}，等级 {}\n", sp.total.ToShort(kScorePlaces), sp.system().total.ToShort(kScorePlaces),
                     sp.grade);
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
